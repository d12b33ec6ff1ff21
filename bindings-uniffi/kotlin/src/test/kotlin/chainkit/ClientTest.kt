package chainkit

import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest as JHttpRequest
import java.net.http.HttpResponse as JHttpResponse

class ClientTest {
    private val sandbox: String = System.getenv("CHAINKIT_SANDBOX_URL")
        ?: error("CHAINKIT_SANDBOX_URL is not set: run through `make test`")

    private fun client(timeoutMs: ULong = 30_000u, maxAttempts: UInt = 3u) =
        Client(sandbox, ClientOptions(timeoutMs, maxAttempts))

    @Test
    fun aRealRequestThroughTheNativeTransport(): Unit = runBlocking {
        val res = client().request(RawRequest("GET", "/health"))
        assertEquals(200.toUShort(), res.status)
        assertTrue(res.body.toString(Charsets.UTF_8).contains("\"ok\""))
        assertTrue(res.headers.any { it.name == "x-request-id" && it.value.startsWith("sbx-") })
    }

    @Test
    fun aSandboxErrorKeepsEveryField(): Unit = runBlocking {
        val e = assertThrows<ChainkitException.Api> {
            runBlocking { client().request(RawRequest("POST", "/_sandbox/status/409?code=E409&message=conflict")) }
        }
        assertEquals(409.toUShort(), e.status)
        assertEquals("E409", e.code)
        assertEquals("conflict", e.detail)
        val id = e.requestId
        assertNotNull(id)
        assertTrue(id!!.startsWith("sbx-"))
        for (text in listOf(e.message!!, e.toString())) {
            for (part in listOf("E409", "conflict", id)) assertTrue(text.contains(part), text)
        }
        assertEquals("[raw] api E409: conflict (HTTP 409, request id $id)", e.toString())
    }

    @Test
    fun authAndThrottlingMapToTheirVariants(): Unit = runBlocking {
        val c = client(maxAttempts = 1u)
        assertThrows<ChainkitException.Unauthorized> { runBlocking { c.request(RawRequest("GET", "/_sandbox/status/401")) } }
        val slow = assertThrows<ChainkitException.RateLimited> {
            runBlocking { c.request(RawRequest("GET", "/_sandbox/status/429?retry_after=2")) }
        }
        assertEquals(2000uL, slow.retryAfterMs)
    }

    @Test
    fun anIdempotentCallIsRetried(): Unit = runBlocking {
        val res = client().request(RawRequest("GET", "/_sandbox/flaky/kt-${System.nanoTime()}?fail=1"))
        assertEquals("{\"calls\":2}", res.body.toString(Charsets.UTF_8))
    }

    @Test
    fun badNetworksAndBadInputAreTypedErrors(): Unit = runBlocking {
        assertThrows<ChainkitException.Network> {
            runBlocking { Client("http://127.0.0.1:1", ClientOptions(maxAttempts = 1u)).request(RawRequest("GET", "/")) }
        }
        val started = System.nanoTime()
        assertThrows<ChainkitException.Timeout> {
            runBlocking { client(timeoutMs = 200u, maxAttempts = 1u).request(RawRequest("GET", "/_sandbox/delay/3000")) }
        }
        assertTrue(System.nanoTime() - started < 2_000_000_000L)
        assertThrows<ChainkitException.Config> { Client("not a url", ClientOptions()) }
        assertThrows<ChainkitException.InvalidInput> { Client(sandbox, ClientOptions(timeoutMs = 0u)) }
        assertThrows<ChainkitException.InvalidInput> {
            runBlocking { client().request(RawRequest("GET", "/", listOf(HttpHeader("bad header", "v")))) }
        }
    }

    @Test
    fun coroutineCancellationOfASlowCallReturnsPromptly(): Unit = runBlocking {
        val started = System.nanoTime()
        val result = withTimeoutOrNull(200) { client().request(RawRequest("GET", "/_sandbox/delay/3000")) }
        assertNull(result)
        assertTrue(System.nanoTime() - started < 2_000_000_000L)
        assertEquals(200.toUShort(), client().request(RawRequest("GET", "/health")).status)
    }

    @Test
    fun anAppSuppliedTransportIsUsed(): Unit = runBlocking {
        val seen = mutableListOf<String>()
        val http = HttpClient.newHttpClient()
        val transport = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse {
                seen.add("${request.method()} ${request.url()}")
                val builder = JHttpRequest.newBuilder(URI(request.url()))
                    .method(request.method(), JHttpRequest.BodyPublishers.ofByteArray(request.body()))
                request.headers().forEach { builder.header(it.name, it.value) }
                val res = http.send(builder.build(), JHttpResponse.BodyHandlers.ofByteArray())
                val headers = res.headers().map().flatMap { (k, vs) -> vs.map { HttpHeader(k, it) } }
                return HttpResponse(res.statusCode().toUShort(), headers, res.body())
            }
        }
        val c = Client(sandbox, ClientOptions(), transport)
        assertEquals(200.toUShort(), c.request(RawRequest("GET", "/health", listOf(HttpHeader("x-a", "1")))).status)
        assertEquals(listOf("GET $sandbox/health"), seen)
        // Errors the app's transport throws keep their kind.
        val failing = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse =
                throw ChainkitException.Network(null, null, null, "offline", null, null)
        }
        val e = assertThrows<ChainkitException.Network> {
            runBlocking { Client(sandbox, ClientOptions(maxAttempts = 1u), failing).request(RawRequest("GET", "/")) }
        }
        assertEquals("offline", e.detail)
    }

    @Test
    fun printingSecretsAndRequestsShowsNoSecret() {
        val s = Secret("s3cr3t-value")
        assertEquals("s3cr3t-value", s.expose())
        val req = RawRequest(
            "GET", "/auth/api/v1/token?apiKey=k&apiSecret=s3cr3t-q",
            listOf(HttpHeader("Authorization", "Bearer s3cr3t-h"), HttpHeader("accessToken", "s3cr3t-t"), HttpHeader("x-plain", "visible")),
        )
        for (shown in listOf(s.toString(), "$s", req.toString(), "$req")) {
            assertFalse(shown.contains("s3cr3t"), shown)
        }
        assertTrue(req.toString().contains("visible"))
    }

    @Test
    fun aRustPanicIsAnExceptionAndTheJvmCarriesOn(): Unit = runBlocking {
        val e = assertThrows<Throwable> { panicForTests() }
        assertTrue(e.message!!.contains("deliberate panic"), e.message)
        assertEquals(200.toUShort(), client().request(RawRequest("GET", "/health")).status)
    }
}
