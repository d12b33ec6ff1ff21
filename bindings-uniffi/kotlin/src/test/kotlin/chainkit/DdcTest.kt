package chainkit

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.LocalDate

/** Seed 000 through the methods expanded from core's one definition, against the sandbox. */
class DdcTest {
    private val sandbox: String = System.getenv("CHAINKIT_SANDBOX_URL") ?: error("CHAINKIT_SANDBOX_URL is not set")
    private val ddc = Client(sandbox, ClientOptions(), Credentials.DdcApiToken(Secret("sandbox-ddc-apitoken"))).ddc()

    // The sandbox is shared by every test run against it: names and trade codes are unique, and
    // balances are compared relative to what this test saw.
    private val run = "kotlin-${System.nanoTime()}"
    private val image = "png,iVBORw0KGgoAAAANSUhEUg=="

    private fun mint(owner: String, total: String, code: String) = DdcMint(
        opbChainId = 9L, ddcType = 1155, ddcOwner = owner, ddcPubTotal = total, ddcDesc = "kotlin e2e",
        imgFileBase64 = image, imgFileName = "file1", securityData = "附加数据", userTradeCode = code,
    )

    /** The settled row of a trade, through the flow that waits for it (status 1 here). */
    private suspend fun transaction(tradeCode: String): DdcTransaction {
        val row = ddc.waitForTrade(tradeCode, 10_000u)
        assertEquals(1, row.txStatus, row.toString())
        return row
    }

    private suspend fun account(chain: Long, name: String) =
        ddc.createChainAccount(DdcNewChainAccount(opbChainId = chain, opbChainClientName = "$run-$name"))

    @Test
    fun theWholeDocumentedFlow() = runBlocking {
        val chains = ddc.listOpbFrameworks().data.map { it.opbChainId }
        assertTrue(chains.containsAll(listOf(2L, 9L)), chains.toString())
        val start = ddc.getAccountBalance().accountBalance

        val keys = account(9L, "alice")
        assertTrue(keys.privateKey.expose().isNotEmpty())
        assertFalse(keys.toString().contains(keys.privateKey.expose()))
        val alice = keys.opbChainClientAddress
        val bob = account(9L, "bob").opbChainClientAddress
        val evm = account(2L, "gas").opbChainClientAddress

        val price = ddc.getGasPrice(DdcGasPriceQuery(opbChainId = 2L)).gasQuantity
        val recharged = ddc.rechargeGas(DdcGasRecharge(opbChainId = 2L, opbChainClientAddress = evm, hashRateValue = 1.5))
        assertEquals(1.5 * price, recharged.energyValue)
        val added = ddc.rechargeEosResource(DdcEosResourceRecharge(
            opbChainClientAddress = alice, cpuPlusValue = 10L, netPlusValue = 20L, ramPlusValue = 30L,
            resourceValidDate = LocalDate.now().plusDays(30).toString(),
        ))
        assertEquals(listOf(10L, 20L, 30L), listOf(added.cpuPlusValue, added.netPlusValue, added.ramPlusValue))
        val mine = ddc.listChainAccounts(DdcChainAccountQuery(DdcChainAccountFilter(opbChainClientAddress = alice), DdcPageRequest(1, 10)))
        assertEquals(1L, mine.resultPageInfo.total)
        assertEquals("NET:20bytes,CPU:10us,RAM:30bytes", mine.data.single().energyValueBalance)
        val first = ddc.listChainAccounts(DdcChainAccountQuery(DdcChainAccountFilter(opbChainId = 9L), DdcPageRequest(1, 1)))
        assertEquals(1, first.data.size)
        assertTrue(first.resultPageInfo.total >= 2L && first.resultPageInfo.firstPage == true)
        // The cursor steps the nested page.pageNum until resultPageInfo.total: every account once.
        val cursor = ddc.chainAccountPages(DdcChainAccountQuery(DdcChainAccountFilter(opbChainId = 9L), DdcPageRequest(1, 2)))
        val walked = generateSequence { runBlocking { cursor.nextPage() } }.flatten().map { it.opbChainClientAddress }.toList()
        assertTrue(alice in walked && walked.size == walked.toSet().size && walked.size >= first.resultPageInfo.total, walked.toString())

        val before = ddc.getAccountBalance().accountBalance
        val minted = transaction(ddc.mintDdc(mint(alice, "100", "$run-1")).tradeCode)
        assertEquals(listOf<Any?>(20, 1, 100L), listOf(minted.txType, minted.txStatus, minted.mintQuantity))
        val sent = ddc.sendDdc(DdcSend(
            opbChainId = 9L, ddcType = 1155, ddcId = minted.ddcId!!, ddcOwner = alice, recipientAccount = bob,
            sendNumber = "30", securityData = "附加数据", userTradeCode = "$run-2",
        ))
        val t = transaction(sent.tradeCode)
        assertEquals(listOf<Any?>(22, 30L, alice, bob), listOf(t.txType, t.tradeQuantity, t.sendAccount, t.ddcOwner))
        val burnt = ddc.burnDdc(DdcBurn(
            opbChainId = 9L, ddcType = 1155, ddcId = minted.ddcId!!, ddcOwner = bob, securityData = "附加数据",
            userTradeCode = "$run-3",
        ))
        assertEquals(30L, transaction(burnt.tradeCode).burnQuantity)
        assertTrue(ddc.listDdcTransactions(DdcTransactionQuery(txType = 22)).data.any { it.userTradeCode == "$run-2" })

        val fees = ddc.listDdcFees().data.associate { it.txType to it.txAmount }
        val after = ddc.getAccountBalance().accountBalance
        assertTrue(after <= before - (fees[20]!! + fees[22]!! + fees[23]!!) + 1e-9 && after < start, "$before → $after")

        val key = ddc.getAccessKey().accessKey.expose()
        val fresh = ddc.updateAccessKey()
        assertNotEquals(key, fresh.accessKey.expose())
        assertFalse(fresh.toString().contains(fresh.accessKey.expose()))
        assertEquals(fresh.accessKey.expose(), ddc.getAccessKey().accessKey.expose())
    }

    @Test
    fun documentedRefusalsAreTypedErrors() = runBlocking {
        val owner = account(9L, "owner").opbChainClientAddress
        ddc.mintDdc(mint(owner, "1", "$run-dup"))
        val duplicate = assertThrows<ChainkitException.Api> { runBlocking { ddc.mintDdc(mint(owner, "1", "$run-dup")) } }
        assertEquals("-1", duplicate.code)
        assertEquals("MSG_10053012", duplicate.detail)
        val wrongType = assertThrows<ChainkitException.InvalidInput> {
            runBlocking { ddc.mintDdc(mint(owner, "1", "$run-x").copy(ddcType = 20)) }
        }
        assertTrue(wrongType.detail.contains("ddcType"), wrongType.detail)
    }
}
