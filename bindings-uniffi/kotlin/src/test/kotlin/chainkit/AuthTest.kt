package chainkit

import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.util.Base64
import java.util.concurrent.atomic.AtomicInteger
import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec

/** Credentials on the wire, checked with the JDK's own HMAC (the seed 003 recipe) and the official Huawei vector. */
class AuthTest {
    private val sandbox: String = System.getenv("CHAINKIT_SANDBOX_URL") ?: error("CHAINKIT_SANDBOX_URL is not set")

    private fun hmacHex(key: String, text: String): String {
        val mac = Mac.getInstance("HmacSHA256")
        mac.init(SecretKeySpec(key.toByteArray(), "HmacSHA256"))
        return mac.doFinal(text.toByteArray()).joinToString("") { "%02x".format(it) }
    }

    private fun field(json: String, name: String): String =
        Regex("\"$name\":(\"(?:[^\"\\\\]|\\\\.)*\"|[0-9]+)").find(json)?.groupValues?.get(1)
            ?.let { if (it.startsWith("\"")) it.substring(1, it.length - 1).replace("\\\"", "\"") else it }
            ?: error("no $name in $json")

    private fun echoed(credentials: Credentials, body: String = "{}"): String = runBlocking {
        Client(sandbox, ClientOptions(), credentials)
            .request(RawRequest("POST", "/_sandbox/echo", body = body.toByteArray()))
            .body.toString(Charsets.UTF_8)
    }

    @Test
    fun headerSchemesUseTheDocumentedHeaders() {
        assertTrue(echoed(Credentials.DdcApiToken(Secret("ddc-1"))).contains("[\"apitoken\",\"ddc-1\"]"))
        assertTrue(echoed(Credentials.UlordAppKey(Secret("123412"))).contains("[\"appkey\",\"123412\"]"))
        assertTrue(echoed(Credentials.HuaweiToken(Secret("MII-t"))).contains("[\"x-auth-token\",\"MII-t\"]"))
    }

    @Test
    fun signPoolAgreesWithTheRecipe() {
        val creds = Credentials.Pool("c", Secret("key"), Secret("salt"), 60u)
        val call = signPool(creds, "SubAccount.Create", "{\"userName\":\"矿工\"}", 1_764_000_000_500u)
        val body = call.body
        assertEquals("1764000000", field(body, "at"))
        assertEquals("{\"userName\":\"矿工\"}", field(body, "data"))
        val text = "SubAccount.Create" + "1764000000" + field(body, "data") + field(body, "signNonce") + "salt"
        assertEquals(hmacHex("key", text), call.sign)
        val claims = String(Base64.getUrlDecoder().decode(call.authorization.split(".")[1]))
        assertTrue(claims.contains("\"exp\":1764000060") && claims.contains("\"iat\":1764000000"), claims)
        assertFalse(call.toString().contains(call.authorization))
        assertThrows<ChainkitException.InvalidInput> { signPool(Credentials.DdcApiToken(Secret("x")), "A") }
    }

    @Test
    fun signHuaweiReproducesTheOfficialSdkVector() {
        // huaweicloud-sdk-python-v3 tests/test_signer.py test_signer1 (tests/vectors/huawei, official-test-signer1).
        val signed = signHuawei(
            "GET", "https://service.endpoint.myhuaweicloud.com/resources?size=1",
            listOf(HttpHeader("X-Sdk-Date", "20200608T023900Z")),
            credentials = Credentials.HuaweiAkSk("AccessKey", Secret("SecretKey"), null, null, HuaweiAlgorithm.HMAC_SHA256),
        )
        val auth = signed.headers.first { it.name == "authorization" }.value
        assertEquals(
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, " +
                "Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842",
            auth,
        )
        assertFalse(signed.toString().contains("cfb4171a"), signed.toString())
    }

    @Test
    fun dnaTokensAreFetchedOnceAndRefreshedAfterRejection(): Unit = runBlocking {
        val tokenCalls = AtomicInteger()
        val transport = object : HttpTransport {
            override suspend fun send(request: HttpRequest): HttpResponse {
                if (request.url().contains("/getToken?")) {
                    val n = tokenCalls.incrementAndGet()
                    return HttpResponse(200u, emptyList(), "{\"retCode\":200,\"retMsg\":\"ok\",\"accessToken\":\"tok-$n\"}".toByteArray())
                }
                val token = request.headers().first { it.name == "accesstoken" }.value
                if (token == "tok-1" && request.url().endsWith("/expire")) {
                    return HttpResponse(400u, emptyList(), "{\"retCode\":400,\"retMsg\":\"accessToken过期\"}".toByteArray())
                }
                return HttpResponse(200u, emptyList(), token.toByteArray())
            }
        }
        val client = Client("https://dna.example", ClientOptions(), Credentials.Dna("key", Secret("s")), transport)
        val tokens = (1..10).map { async { client.request(RawRequest("GET", "/x")).body.toString(Charsets.UTF_8) } }.awaitAll()
        assertEquals(List(10) { "tok-1" }, tokens)
        assertEquals(1, tokenCalls.get())
        assertEquals("tok-2", client.request(RawRequest("GET", "/expire")).body.toString(Charsets.UTF_8))
        assertEquals(2, tokenCalls.get())
    }

    @Test
    fun badCredentialsFailAsConfigWithoutTheSecret() {
        val e = assertThrows<ChainkitException.Config> {
            Client(sandbox, ClientOptions(), Credentials.Pool("c", Secret("hunter2"), Secret(""), null))
        }
        assertFalse(e.message!!.contains("hunter2"))
        assertThrows<ChainkitException.Config> {
            Client(sandbox, ClientOptions(), Credentials.HuaweiIam("https://iam.example", "u", Secret("p"), "d", null, null))
        }
        assertFalse(Credentials.Dna("k", Secret("hunter2")).toString().contains("hunter2"))
    }
}
