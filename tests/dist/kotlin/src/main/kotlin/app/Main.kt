package app

import chainkit.BifKeyType
import chainkit.Client
import chainkit.ClientOptions
import chainkit.Credentials
import chainkit.DnaMintDna
import chainkit.DnaSeriesAdd
import chainkit.Secret
import kotlinx.coroutines.runBlocking

/** The DNA flow from the installed jar, against CHAINKIT_SANDBOX_URL; exits non-zero on failure. */
fun main(): Unit = runBlocking {
    val dna = Client(
        System.getenv("CHAINKIT_SANDBOX_URL"), ClientOptions(),
        Credentials.Dna("did:bid:efSandboxApiKey0000000000000", Secret("sandbox-dna-api-secret")),
    ).dna()
    val alice = dna.createAccount("13800000001", BifKeyType.ED25519)
    val bob = dna.createAccount("13800000002", BifKeyType.SM2)
    val series = dna.seriesAdd(DnaSeriesAdd(seriesName = "jar ${System.nanoTime()}", seriesIssuer = "maven"))
    val mint = DnaMintDna(seriesId = series.seriesId, dnaName = "资产", dnaNumber = "1", toBid = alice.publicKey().address())
    val tokenBid = dna.waitForMessage(dna.mintDna(mint).messageId, 20_000u).info!!.single().tokenBid!!
    val contract = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"
    val bobBid = bob.publicKey().address()
    dna.waitForMessage(dna.transfer(alice, contract, tokenBid, bobBid).messageId, 20_000u)
    val owners = dna.ownersOf(tokenBid)
    check(owners == listOf(bobBid)) { "owners $owners, expected [$bobBid]" }
    val lib = System.getProperty("jna.library.path")
    check(lib == null) { "jna.library.path is set ($lib): the library must come from the jar" }
    println("kotlin jar: DNA flow passed (token $tokenBid now owned by $bobBid)")
}
