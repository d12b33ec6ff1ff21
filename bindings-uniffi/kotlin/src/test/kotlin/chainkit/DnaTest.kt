package chainkit

import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Seed 002 through the methods expanded from core's one definition, against the sandbox. */
class DnaTest {
    private val sandbox: String = System.getenv("CHAINKIT_SANDBOX_URL") ?: error("CHAINKIT_SANDBOX_URL is not set")
    private val dna = Client(
        sandbox, ClientOptions(),
        Credentials.Dna("did:bid:efSandboxApiKey0000000000000", Secret("sandbox-dna-api-secret")),
    ).dna()

    private fun series(name: String) = SeriesAdd(seriesName = name, seriesIssuer = "kotlin", seriesDes = null, externalUrl = null)

    @Test
    fun mintsAndReadsBackThroughTypedRecords() = runBlocking {
        val created = dna.seriesAdd(series("kotlin 集合 ${System.nanoTime()}"))
        assertEquals(created.seriesId, dna.seriesDetail(SeriesId(created.seriesId)).seriesId)
        val holder = BifPrivateKey.generate(BifKeyType.ED25519).publicKey().address()
        val submitted = dna.mintDna(
            MintDna(
                seriesId = created.seriesId, dnaName = "资产", dnaNumber = "1", dnaDes = null,
                url = "https://img.example/a.png", hash = "h1", displayUrl = "https://img.example/a-85.png",
                toBid = holder, dnaPrice = 1.5, dnaCategory = "图片", extension = null,
            ),
        )
        var outcome = dna.messageResult(MessageId(submitted.messageId)).data
        repeat(80) { if (outcome.state == 0) { delay(250); outcome = dna.messageResult(MessageId(submitted.messageId)).data } }
        assertEquals(2, outcome.state, outcome.toString())
        val tokenBid = outcome.info!!.single().tokenBid!!
        assertEquals("[$holder]", dna.tokenOwnerOf(TokenBid(tokenBid)).bidAddress)
        val page = dna.seriesDnaList(SeriesDnaRequest(created.seriesId, 1, 10))
        assertEquals(1L, page.total)
        assertEquals("资产", page.data.single().dnaName)
    }

    @Test
    fun documentedConstraintsAndServerErrorsAreTyped() = runBlocking {
        val tooLong = assertThrows<ChainkitException.InvalidInput> { runBlocking { dna.seriesAdd(series("长".repeat(51))) } }
        assertTrue(tooLong.detail.contains("seriesName"), tooLong.detail)
        val name = "dup ${System.nanoTime()}"
        dna.seriesAdd(series(name))
        val duplicate = assertThrows<ChainkitException.Api> { runBlocking { dna.seriesAdd(series(name)) } }
        assertEquals("400", duplicate.code)
        assertFalse(duplicate.detail.isEmpty())
    }
}
