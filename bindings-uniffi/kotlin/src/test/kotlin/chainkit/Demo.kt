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

    // DNA (seed 002) through the typed client: account, series, mint, transfer, owner.
    val dna = Client(
        System.getenv("CHAINKIT_SANDBOX_URL"), ClientOptions(),
        Credentials.Dna("did:bid:efSandboxApiKey0000000000000", Secret("sandbox-dna-api-secret")),
    ).dna()
    val alice = dna.createAccount("13800000001", BifKeyType.ED25519)
    val bob = dna.createAccount("13800000002", BifKeyType.ED25519)
    val series = dna.seriesAdd(DnaSeriesAdd(seriesName = "kotlin demo ${System.nanoTime()}", seriesIssuer = "chainkit"))
    val mint = DnaMintDna(seriesId = series.seriesId, dnaName = "资产", dnaNumber = "1", toBid = alice.publicKey().address())
    val tokenBid = dna.waitForMessage(dna.mintDna(mint).messageId, 60_000u).info!!.single().tokenBid!!
    val contract = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"
    dna.waitForMessage(dna.transfer(alice, contract, tokenBid, bob.publicKey().address()).messageId, 60_000u)
    println("[kotlin/dna] minted $tokenBid to alice, transferred; owners now ${dna.ownersOf(tokenBid)}")
}
