package chainkit

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import com.sun.net.httpserver.HttpServer
import java.io.IOException
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.util.Collections
import java.net.http.HttpRequest as JHttpRequest
import java.net.http.HttpResponse as JHttpResponse

/** End-to-end tests of the Kotlin binding against the sandbox (CHAINKIT_SANDBOX_URL). */
class ClientTest {
    private val sandbox: String = System.getenv("CHAINKIT_SANDBOX_URL")
        ?: error(
            "CHAINKIT_SANDBOX_URL is not set. Start target/debug/chainkit-sandbox --listen 127.0.0.1:0 and " +
                "export the URL it prints, or run `scripts/with-sandbox.sh bindings-uniffi/kotlin/test.sh`",
        )

    private fun client(timeoutMs: ULong = 30_000u, maxAttempts: UInt = 3u) =
        Client(sandbox, ClientOptions(timeoutMs, maxAttempts))

    /** Runs [block] and returns the exception of type [T] it throws, failing otherwise. */
    private inline fun <reified T : Throwable> throwsIn(crossinline block: suspend () -> Unit): T =
        assertThrows<T> { runBlocking { block() } }

    private fun elapsedMs(since: Long) = (System.nanoTime() - since) / 1_000_000

    @Test
    fun aRealRequestThroughTheNativeTransport(): Unit = runBlocking {
        val res = client().request(RawRequest("GET", "/health"))
        assertEquals(200.toUShort(), res.status)
        assertTrue(res.body.toString(Charsets.UTF_8).contains("\"status\":\"ok\""))
        assertTrue(res.headers.any { it.name == "x-request-id" && it.value.startsWith("sbx-") })
    }

    @Test
    fun headersBodyAndMethodReachTheServer(): Unit = runBlocking {
        val req = RawRequest(
            "POST", "/_sandbox/echo?page=2",
            listOf(HttpHeader("x-a", "1"), HttpHeader("content-type", "text/plain")),
            "héllo".toByteArray(),
        )
        val echoed = client().request(req).body.toString(Charsets.UTF_8)
        for (part in listOf("\"method\":\"POST\"", "\"query\":\"page=2\"", "[\"x-a\",\"1\"]", "\"body\":\"héllo\"")) {
            assertTrue(echoed.contains(part), echoed)
        }
    }

    @Test
    fun aSandboxErrorKeepsEveryFieldAndItsMessageIsTheCoreText() {
        val e = throwsIn<ChainkitException.Api> {
            client().request(RawRequest("POST", "/_sandbox/status/409?code=E409&message=conflict"))
        }
        assertEquals(409.toUShort(), e.status)
        assertEquals("E409", e.code)
        assertEquals("conflict", e.detail)
        assertEquals("raw", e.service)
        assertEquals(null, e.retryAfterMs)
        val id = requireNotNull(e.requestId) { "no request id in $e" }
        assertTrue(id.startsWith("sbx-"), id)
        val expected = "[raw] api E409: conflict (HTTP 409, request id $id)"
        assertEquals(expected, e.message)
        assertEquals(expected, e.toString())
        assertEquals(expected, e.localizedMessage)
        // A caught ChainkitException is an ordinary Exception to code that knows nothing else.
        val general: Exception = e
        assertEquals(expected, general.message)
    }

    @Test
    fun authAndThrottlingMapToTheirVariants() {
        val c = client(maxAttempts = 1u)
        val denied = throwsIn<ChainkitException.Unauthorized> { c.request(RawRequest("GET", "/_sandbox/status/401")) }
        assertEquals(401.toUShort(), denied.status)
        assertEquals("SANDBOX_401", denied.code)
        val slow = throwsIn<ChainkitException.RateLimited> {
            c.request(RawRequest("GET", "/_sandbox/status/429?code=SLOW&retry_after=2"))
        }
        assertEquals(429.toUShort(), slow.status)
        assertEquals(2000uL, slow.retryAfterMs)
        assertEquals(slow.toString(), slow.message)
        assertTrue(slow.message!!.contains("SLOW") && slow.message!!.contains("retry after 2s"), slow.message)
    }

    @Test
    fun idempotentCallsAreRetriedAndOthersAreNot(): Unit = runBlocking {
        val get = client().request(RawRequest("GET", "/_sandbox/flaky/kt-get-${System.nanoTime()}?fail=1"))
        assertEquals("{\"calls\":2}", get.body.toString(Charsets.UTF_8))
        // A POST that got a 502 may have been processed: not retried unless the caller says it is safe.
        val post = "/_sandbox/flaky/kt-post-${System.nanoTime()}?fail=1&status=502"
        val e = throwsIn<ChainkitException.Api> { client().request(RawRequest("POST", post)) }
        assertEquals(502.toUShort(), e.status)
        val retried = client().request(RawRequest("POST", post.replace("kt-post", "kt-post-idem"), idempotent = true))
        assertEquals("{\"calls\":2}", retried.body.toString(Charsets.UTF_8))
    }

    @Test
    fun unreachableHostIsANetworkError() {
        val e = throwsIn<ChainkitException.Network> {
            Client("http://127.0.0.1:1", ClientOptions(maxAttempts = 1u)).request(RawRequest("GET", "/"))
        }
        assertEquals(null, e.status)
        assertEquals(e.toString(), e.message)
    }

    @Test
    fun aSlowResponseIsATimeout() {
        val started = System.nanoTime()
        val e = throwsIn<ChainkitException.Timeout> {
            client(timeoutMs = 200u, maxAttempts = 1u).request(RawRequest("GET", "/_sandbox/delay/2000"))
        }
        assertTrue(elapsedMs(started) < 1500, "took ${elapsedMs(started)} ms")
        assertTrue(e.detail.contains("200 ms"), e.detail)
    }

    @Test
    fun badConfigurationAndInputAreTypedErrors() {
        assertThrows<ChainkitException.Config> { Client("not a url", ClientOptions()) }
        assertThrows<ChainkitException.Config> { Client("ftp://example.com", ClientOptions()) }
        assertThrows<ChainkitException.InvalidInput> { Client(sandbox, ClientOptions(timeoutMs = 0u)) }
        throwsIn<ChainkitException.InvalidInput> {
            client().request(RawRequest("GET", "/", listOf(HttpHeader("bad header", "v"))))
        }
        throwsIn<ChainkitException.InvalidInput> { client().request(RawRequest("GET", "https://elsewhere.example/x")) }
    }

    @Test
    fun coroutineCancellationOfASlowCallReturnsPromptly(): Unit = runBlocking {
        val c = client()
        val started = System.nanoTime()
        assertThrows<TimeoutCancellationException> {
            runBlocking { withTimeout(200) { c.request(RawRequest("GET", "/_sandbox/delay/2000")) } }
        }
        assertTrue(elapsedMs(started) < 1500, "took ${elapsedMs(started)} ms")
        // The same client carries on.
        assertEquals(200.toUShort(), c.request(RawRequest("GET", "/health")).status)
    }

    /** How many requests for `key` reached the sandbox's flaky route (this read included). */
    private suspend fun flakyCalls(key: String): String =
        client().request(RawRequest("GET", "/_sandbox/flaky/$key?fail=0")).body.toString(Charsets.UTF_8)

    @Test
    fun aCancelledCallStopsAndItsRequestIsAbandoned(): Unit = runBlocking {
        // The sandbox holds the request 800 ms before running the route, and runs it only if the
        // client is still connected then: the route's counter shows whether the call really stopped.
        val key = "kt-cancel-${System.nanoTime()}"
        val held = RawRequest("GET", "/_sandbox/flaky/$key?fail=0", listOf(HttpHeader("x-sandbox-fault", "latency=800")))
        val c = client()
        val started = System.nanoTime()
        assertThrows<TimeoutCancellationException> { runBlocking { withTimeout(150) { c.request(held) } } }
        assertTrue(elapsedMs(started) < 700, "took ${elapsedMs(started)} ms")
        delay(1_100)
        assertEquals("{\"calls\":1}", flakyCalls(key))
        // Cancelling a job (not a timeout) does the same.
        val key2 = "kt-cancel-job-${System.nanoTime()}"
        val job = launch(Dispatchers.IO) {
            c.request(RawRequest("GET", "/_sandbox/flaky/$key2?fail=0", listOf(HttpHeader("x-sandbox-fault", "latency=800"))))
        }
        delay(150)
        job.cancel()
        job.join()
        assertTrue(job.isCancelled)
        delay(1_100)
        assertEquals("{\"calls\":1}", flakyCalls(key2))
    }

    @Test
    fun cancellingTheCallerDropsTheRustFutureDownToTheAppTransport(): Unit = runBlocking {
        // Cancellation frees the Rust future; dropping it cancels the transport's coroutine.
        val cancelled = CompletableDeferred<Boolean>()
        val transport = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse {
                try {
                    delay(5_000)
                } catch (e: CancellationException) {
                    cancelled.complete(true)
                    throw e
                }
                return HttpResponse(200u, emptyList(), ByteArray(0))
            }
        }
        val c = Client(sandbox, ClientOptions(), transport = transport)
        assertThrows<TimeoutCancellationException> {
            runBlocking { withTimeout(200) { c.request(RawRequest("GET", "/slow")) } }
        }
        assertTrue(withTimeout(2_000) { cancelled.await() }, "the app's coroutine was not cancelled")
    }

    @Test
    fun anAppSuppliedTransportIsUsed(): Unit = runBlocking {
        val seen = Collections.synchronizedList(mutableListOf<String>())
        val http = HttpClient.newHttpClient()
        val transport = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse {
                seen.add("${request.method()} ${request.url()} ${request.headers().map { it.name }}")
                val builder = JHttpRequest.newBuilder(URI(request.url()))
                    .method(request.method(), JHttpRequest.BodyPublishers.ofByteArray(request.body()))
                request.headers().forEach { builder.header(it.name, it.value) }
                val res = http.sendAsync(builder.build(), JHttpResponse.BodyHandlers.ofByteArray()).await()
                val headers = res.headers().map().flatMap { (k, vs) -> vs.map { HttpHeader(k, it) } }
                return HttpResponse(res.statusCode().toUShort(), headers, res.body())
            }
        }
        val c = Client(sandbox, ClientOptions(), transport = transport)
        val res = c.request(RawRequest("GET", "/health", listOf(HttpHeader("x-a", "1"))))
        assertEquals(200.toUShort(), res.status)
        assertEquals(listOf("GET $sandbox/health [x-a]"), seen.toList())
        // Error statuses come back as responses and become typed errors in Rust.
        val e = throwsIn<ChainkitException.Api> {
            c.request(RawRequest("GET", "/_sandbox/status/418?code=TEAPOT"))
        }
        assertEquals("TEAPOT", e.code)
        assertTrue(e.requestId!!.startsWith("sbx-"))
    }

    @Test
    fun aCannedTransportNeedsNoNetwork(): Unit = runBlocking {
        val transport = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse =
                HttpResponse(201u, listOf(HttpHeader("x-canned", "yes")), "canned".toByteArray())
        }
        val res = Client("https://api.invalid", ClientOptions(), transport = transport).request(RawRequest("PUT", "/x"))
        assertEquals(201.toUShort(), res.status)
        assertEquals("canned", res.body.toString(Charsets.UTF_8))
        assertEquals(listOf(HttpHeader("x-canned", "yes")), res.headers)
    }

    @Test
    fun anAnswerOverMaxResponseBytesIsADecodeErrorWhileItStreams() {
        // An endless answer: the native transport stops at the limit, long before the 10 s the
        // server would keep writing.
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/big") { exchange ->
            exchange.sendResponseHeaders(200, 0)
            val chunk = ByteArray(64 shl 10) { 120 }
            val until = System.nanoTime() + 10_000_000_000
            try {
                exchange.responseBody.use { out -> while (System.nanoTime() < until) out.write(chunk) }
            } catch (_: IOException) {
            }
        }
        server.start()
        try {
            val url = "http://127.0.0.1:${server.address.port}"
            val started = System.nanoTime()
            val e = assertThrows<ChainkitException.Decode> {
                runBlocking {
                    Client(url, ClientOptions(maxAttempts = 1u, maxResponseBytes = 1uL shl 20)).request(RawRequest("GET", "/big"))
                }
            }
            assertTrue(e.detail.contains("limit of 1048576 bytes"), e.detail)
            assertTrue(elapsedMs(started) < 5_000, "took ${elapsedMs(started)} ms")
            assertThrows<ChainkitException.InvalidInput> { Client(url, ClientOptions(maxResponseBytes = 0uL)) }
        } finally {
            server.stop(0)
        }
        // An app's transport hands over a whole body: it is held to the limit as well.
        val canned = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse = HttpResponse(200u, listOf(), ByteArray(2048))
        }
        assertThrows<ChainkitException.Decode> {
            runBlocking {
                Client("https://api.invalid", ClientOptions(maxResponseBytes = 1024uL), transport = canned).request(RawRequest("GET", "/"))
            }
        }
    }

    @Test
    fun whatAnAppTransportThrowsKeepsItsKindOrBecomesANetworkError() {
        val typed = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse =
                throw ChainkitException.Timeout(null, null, "T1", "slow proxy", null, null)
        }
        val e = throwsIn<ChainkitException.Timeout> {
            Client(sandbox, ClientOptions(maxAttempts = 1u), transport = typed).request(RawRequest("GET", "/"))
        }
        assertEquals("slow proxy", e.detail)
        assertEquals("T1", e.code)
        assertEquals("[raw] timeout T1: slow proxy", e.message)

        val untyped = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse = throw IOException("connection reset by peer")
        }
        val n = throwsIn<ChainkitException.Network> {
            Client(sandbox, ClientOptions(maxAttempts = 1u), transport = untyped).request(RawRequest("GET", "/"))
        }
        assertTrue(n.detail.contains("connection reset by peer"), n.detail)
        // The JVM carries on.
        assertEquals(200.toUShort(), runBlocking { client().request(RawRequest("GET", "/health")).status })
    }

    @Test
    fun theClientTimeoutCancelsASlowAppTransport(): Unit = runBlocking {
        val cancelled = CompletableDeferred<Boolean>()
        val transport = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse {
                try {
                    delay(5_000)
                } catch (e: CancellationException) {
                    cancelled.complete(true)
                    throw e
                }
                return HttpResponse(200u, emptyList(), ByteArray(0))
            }
        }
        val started = System.nanoTime()
        throwsIn<ChainkitException.Timeout> {
            Client(sandbox, ClientOptions(timeoutMs = 200u, maxAttempts = 1u), transport = transport).request(RawRequest("GET", "/"))
        }
        assertTrue(elapsedMs(started) < 1500, "took ${elapsedMs(started)} ms")
        assertTrue(withTimeout(2_000) { cancelled.await() }, "the app's coroutine was not cancelled")
    }

    @Test
    fun printingSecretsRequestsAndHeadersShowsNoSecret(): Unit = runBlocking {
        val s = Secret("s3cr3t")
        assertEquals("s3cr3t", s.expose())
        assertEquals("Secret(***)", s.toString())
        assertEquals("Secret(***)", "$s")
        val auth = HttpHeader("Authorization", "Bearer s3cr3t")
        val req = RawRequest(
            "GET", "/auth/api/v1/token?apiKey=k&apiSecret=s3cr3t&page=2",
            listOf(auth, HttpHeader("accessToken", "s3cr3t"), HttpHeader("x-plain", "visible")),
        )
        val shown = listOf(s.toString(), req.toString(), "$req", auth.toString(), listOf(auth).toString())
        for (text in shown) assertFalse(text.contains("s3cr3t"), text)
        assertTrue(req.toString().contains("visible") && req.toString().contains("page=2"), req.toString())
        assertEquals("Authorization: ***", auth.toString())
        assertEquals("x-plain: visible", HttpHeader("x-plain", "visible").toString())

        // What an app's transport receives prints redacted too; responses print no body or cookie.
        var printed = ""
        val transport = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse {
                printed = "$request"
                assertEquals("Bearer s3cr3t", request.headers().single { it.name == "authorization" }.value)
                return HttpResponse(200u, listOf(HttpHeader("set-cookie", "sid=s3cr3t")), "{\"accessToken\":\"s3cr3t\"}".toByteArray())
            }
        }
        val res = Client("https://api.invalid", ClientOptions(), transport = transport)
            .request(RawRequest("GET", "/x?apiSecret=s3cr3t", listOf(auth)))
        for (text in listOf(printed, res.toString(), HttpResponse(200u, res.headers, res.body).toString())) {
            assertFalse(text.contains("s3cr3t"), text)
        }
        assertTrue(printed.contains("authorization") && printed.contains("***"), printed)
        assertTrue(res.toString().contains("<24 bytes>"), res.toString())
    }

    @Test
    fun vectorsAreReachable() {
        assertTrue(vectorKinds().containsAll(listOf("redact_url", "redact_headers", "retry_decision", "error_from_response")))
        assertEquals(
            "{\"url\":\"https://h.example/x?apiSecret=***\"}",
            evaluateVector("redact_url", "{\"url\":\"https://h.example/x?apiSecret=s\"}"),
        )
        assertThrows<ChainkitException.InvalidInput> { evaluateVector("redact_url", "not json") }
    }

    @Test
    fun aRustPanicInsideAnAsyncCallFailsThatCallOnly(): Unit = runBlocking {
        val c = client()
        val slow = async { c.request(RawRequest("GET", "/_sandbox/delay/300")) }
        val e = assertThrows<InternalException> { runBlocking { panicLaterForTests(20uL) } }
        assertTrue(e.message!!.contains("deliberate panic"), e.message)
        assertEquals(200.toUShort(), slow.await().status)
        val many = (1..5).map { async { runCatching { panicLaterForTests(5uL) }.exceptionOrNull() } }.awaitAll()
        assertTrue(many.all { it is InternalException }, many.toString())
        assertEquals(200.toUShort(), c.request(RawRequest("GET", "/health")).status)
    }

    @Test
    fun aRustPanicIsAnInternalExceptionAndTheJvmCarriesOn(): Unit = runBlocking {
        val e = assertThrows<InternalException> { panicForTests() }
        assertTrue(e.message!!.contains("deliberate panic"), e.message)
        assertEquals(200.toUShort(), client().request(RawRequest("GET", "/health")).status)
        assertEquals("Secret(***)", Secret("x").toString())
    }
}
