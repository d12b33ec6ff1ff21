package chainkit

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.net.HttpURLConnection
import java.net.URI

/** Seed 002 through the methods expanded from core's one definition, against the sandbox. */
class DnaTest {
    private val sandbox: String = System.getenv("CHAINKIT_SANDBOX_URL") ?: error("CHAINKIT_SANDBOX_URL is not set")
    private val apiKey = "did:bid:efSandboxApiKey0000000000000" // tests/sandbox default credentials
    private val contract = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"
    private val dna = Client(sandbox, ClientOptions(), Credentials.Dna(apiKey, Secret("sandbox-dna-api-secret"))).dna()

    private fun asset(seriesId: String, n: Int, to: String) = DnaMintDna(
        seriesId = seriesId, dnaName = "资产 $n", dnaNumber = "$n", toBid = to,
        url = "https://img.example/a.png", dnaPrice = 1.24, dnaCategory = "图片",
    )

    @Test
    fun theWholeDocumentedFlow() = runBlocking {
        val token = dna.getToken(DnaTokenRequest(apiKey, Secret("sandbox-dna-api-secret")))
        assertTrue(token.accessToken.expose().isNotEmpty())
        assertFalse(token.toString().contains(token.accessToken.expose()))
        val alice = dna.createAccount("13800000001", BifKeyType.ED25519)
        val bob = dna.createAccount("13800000002", BifKeyType.SM2)
        val (aliceBid, bobBid) = alice.publicKey().address() to bob.publicKey().address()

        val series = dna.seriesAdd(DnaSeriesAdd(seriesName = "kotlin 集合 ${System.nanoTime()}", seriesIssuer = "kotlin"))
        assertEquals("kotlin", dna.seriesDetail(DnaSeriesId(series.seriesId)).seriesIssuer)
        val minted = dna.waitForMessage(dna.mintDna(asset(series.seriesId, 1, aliceBid)).messageId, 20_000u)
        assertEquals(2, minted.state, minted.toString())
        val tokenBid = minted.info!!.single().tokenBid!!
        assertEquals(listOf(aliceBid), dna.ownersOf(tokenBid))

        val batch = dna.batchMintDna(DnaBatchMintDna(listOf(asset(series.seriesId, 2, aliceBid), asset(series.seriesId, 3, bobBid))))
        assertEquals(2, dna.waitForMessage(batch.messageId, 20_000u).info!!.size)
        assertEquals(3L, dna.seriesDnaList(DnaSeriesDnaRequest(series.seriesId, 1, 10)).total)
        val pager = dna.seriesDnaPages(DnaSeriesDnaRequest(series.seriesId, 1, 2))
        val pages = generateSequence { runBlocking { pager.nextPage() } }.toList()
        assertEquals(listOf(2, 1), pages.map { it.size })
        assertEquals(listOf("1", "2", "3"), pages.flatten().mapNotNull { it.dnaNumber }.sorted())
        assertNull(pager.nextPage(), "an exhausted cursor stays exhausted")
        // Concurrent nextPage() calls take turns: three pages of one, none fetched twice.
        val shared = dna.seriesDnaPages(DnaSeriesDnaRequest(series.seriesId, 1, 1))
        val together = (1..3).map { async(Dispatchers.IO) { shared.nextPage() } }.awaitAll()
        assertEquals(listOf("1", "2", "3"), together.flatMap { it!! }.mapNotNull { it.dnaNumber }.sorted())
        assertNull(shared.nextPage())
        val badPage = dna.seriesDnaPages(DnaSeriesDnaRequest(series.seriesId, 0, 2))
        val refused = assertThrows<ChainkitException.InvalidInput> { runBlocking { badPage.nextPage() } }
        assertTrue(refused.detail.contains("pageNum"), refused.detail)

        assertEquals(2, dna.waitForMessage(dna.transfer(alice, contract, tokenBid, bobBid).messageId, 20_000u).state)
        assertEquals(listOf(bobBid), dna.ownersOf(tokenBid))
        val records = dna.dnaRecords(DnaRecordsRequest(tokenBid, 1, 10))
        assertEquals(listOf(0, 1), records.data.map { it.operation }.sorted())
        assertEquals(2, dna.waitForMessage(dna.burn(bob, contract, tokenBid).messageId, 20_000u).state)
        assertEquals(emptyList<String>(), dna.ownersOf(tokenBid))
    }

    @Test
    fun expiredTokensAreRefreshedAndErrorsAreTyped() = runBlocking {
        val name = "kotlin dup ${System.nanoTime()}"
        dna.seriesAdd(DnaSeriesAdd(seriesName = name, seriesIssuer = "kotlin"))
        val expire = URI("$sandbox/_sandbox/dna/expire-tokens").toURL().openConnection() as HttpURLConnection
        expire.requestMethod = "POST"
        assertEquals(200, expire.responseCode)
        dna.seriesAdd(DnaSeriesAdd(seriesName = "$name 2", seriesIssuer = "kotlin"))
        val duplicate = assertThrows<ChainkitException.Api> { runBlocking { dna.seriesAdd(DnaSeriesAdd(seriesName = name, seriesIssuer = "kotlin")) } }
        assertEquals("400", duplicate.code)
        assertFalse(duplicate.detail.isEmpty())
        val tooLong = assertThrows<ChainkitException.InvalidInput> {
            runBlocking { dna.seriesAdd(DnaSeriesAdd(seriesName = "长".repeat(51), seriesIssuer = "kotlin")) }
        }
        assertTrue(tooLong.detail.contains("seriesName"), tooLong.detail)
    }

    @Test
    fun aDocumentedValueSetIsAnEnum() = runBlocking {
        val run = System.nanoTime().toString()
        dna.authSeries(DnaAuthSeriesReport(listOf(DnaAuthSeries(seriesName = "kotlin $run", seriesIssuer = "kotlin", seriesId = listOf(run)))))
        val asset = DnaAuthDna(
            seriesId = run, dnaName = "资产", dnaNumber = "1", tokenBid = "did:bid:ef$run", owner = "did:bid:efowner",
            dnaType = DnaType.VIDEO,
        )
        assertEquals(200L, dna.authDna(DnaAuthDnaReport(listOf(asset))).retCode)
    }
}
