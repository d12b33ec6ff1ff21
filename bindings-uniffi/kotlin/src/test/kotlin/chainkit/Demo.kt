package chainkit

import kotlinx.coroutines.runBlocking

/** The Kotlin part of `make demo`. */
fun main(): Unit = runBlocking {
    val client = Client(System.getenv("CHAINKIT_SANDBOX_URL"), ClientOptions())
    val health = client.request(RawRequest("GET", "/health"))
    println("[kotlin] GET /health -> ${health.status} ${health.body.toString(Charsets.UTF_8)}")
    try {
        client.request(RawRequest("GET", "/_sandbox/status/409?code=E409&message=conflict"))
    } catch (e: ChainkitException.Api) {
        println("[kotlin] typed error -> status=${e.status} code=${e.code} requestId=${e.requestId}: $e")
    }
}
