package chainkit

import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest as JHttpRequest
import java.net.http.HttpResponse as JHttpResponse

/**
 * Seed 003 through the methods expanded from core's one definition, against the sandbox, as
 * core/tests/pool_sandbox.rs: the main account → a sub-account, listed and updated → an observer
 * link created, listed, changed and deleted → workers, a group created, a worker moved into it,
 * the group renamed and deleted → profit and hash rate over a date range; then documented
 * refusals as typed errors, and a replayed envelope refused.
 */
class PoolTest {
    private val sandbox: String = System.getenv("CHAINKIT_SANDBOX_URL") ?: error("CHAINKIT_SANDBOX_URL is not set")

    // tests/sandbox default credentials (config::Pool).
    private fun credentials() =
        Credentials.Pool("sandbox-client", Secret("sandbox-secret-key"), Secret("sandbox-secret-salt"), null)

    private val pool = Client(sandbox, ClientOptions(), credentials()).pool()
    private val alice = PoolAccountName("alice")

    // The sandbox is shared by every run against it: names that must be unique get a suffix.
    private fun unique(name: String) = "$name-${System.nanoTime()}"

    private fun sub(name: String) = PoolSubAccountName(name)

    @Test
    fun accountSubAccountObserversWorkersProfitAndSpeed() = runBlocking {
        assertEquals("13811012345", pool.accountGetBindInfo(alice).phone)

        // A sub-account, listed and updated.
        val name = unique("kt-miner")
        pool.subAccountCreate(
            PoolNewSubAccount(master = "alice", userName = name, theorySpeed = 2.0, description = "四川矿场", workerCount = 3L),
        )
        assertTrue(pool.subAccountGetUserAll(alice).names.contains(name))
        val names = PoolSubAccountNames(listOf(name))
        val info = pool.subAccountBulkGetBasicInfo(names).items.single()
        assertEquals(PoolSubAccountInfo(name, 2.0, "四川矿场", 3L, "alice"), info)
        pool.subAccountUpdateFeeInfo(PoolFeeChange(userName = name, feeType = PoolFeeType.PPS, fee = 0.02))
        val fee = pool.subAccountBulkGetFeeInfo(names).items.single()
        assertEquals(Triple(name, PoolFeeType.PPS, 0.02), Triple(fee.userName, fee.feeType, fee.fee))

        // An observer link: created, listed, changed, deleted.
        pool.subAccountAddObserverInfo(
            PoolNewObserver(userName = name, rights = listOf(PoolObserverRight.PROFIT, PoolObserverRight.WORKER), remark = "会计"),
        )
        val link = pool.subAccountGetObserverList(sub(name)).items.single()
        assertEquals(listOf(PoolObserverRight.PROFIT, PoolObserverRight.WORKER), link.rights)
        assertEquals("会计", link.remark)
        pool.subAccountUpdateObserverInfo(
            PoolObserverChange(linkId = link.linkId, rights = listOf(PoolObserverRight.DASHBOARD), remark = "老板"),
        )
        val changed = pool.subAccountGetObserverList(sub(name)).items.single()
        assertEquals(
            Triple(link.linkId, "老板", listOf(PoolObserverRight.DASHBOARD)),
            Triple(changed.linkId, changed.remark, changed.rights),
        )
        pool.subAccountDeleteObserverInfo(PoolObserverId(link.linkId))
        assertTrue(pool.subAccountGetObserverList(sub(name)).items.isEmpty())

        // Workers and a group.
        val workers = pool.workerGetSubAccountWorkerList(sub(name)).items
        assertEquals(3, workers.size)
        pool.workerCreateGroup(PoolNewGroup(userName = name, name = "四川"))
        suspend fun groups() = pool.workerGetSubAccountWorkerGroupList(sub(name)).items
        val groupId = groups().single { it.name == "四川" }.id
        pool.workerSetWorkerGroupBulk(PoolGroupMove(userName = name, groupId = groupId, workers = listOf(workers[0].name)))
        val moved = pool.workerGetSubAccountWorkerList(sub(name)).items.single { it.name == workers[0].name }
        assertEquals(groupId, moved.group?.id)
        pool.workerUpdateGroup(PoolGroupChange(userName = name, name = "成都", groupId = groupId))
        assertTrue(groups().any { it.id == groupId && it.name == "成都" })
        pool.workerDeleteGroup(PoolGroupId(userName = name, groupId = groupId))
        assertTrue(groups().none { it.id == groupId })
        val summary = pool.workerGetSubAccountWorkerSummary(sub(name))
        assertEquals(3L, summary.running + summary.stopped + summary.invalid)

        // Profit and hash rate over a week: one row a day, in order, the same when asked again.
        val week = PoolProfitQuery(userName = name, coinType = PoolProfitCoin.BTC, start = "2026-11-01", end = "2026-11-07")
        val days = pool.profitGetByDay(week).items
        assertEquals((1..7).map { "2026-11-%02d".format(it) }, days.map { it.day })
        assertTrue(days.all { it.total >= 0.0 && it.speed > 0.0 }, days.toString())
        assertEquals(days, pool.profitGetByDay(week).items)
        val daily = pool.speedGetSubAccountDailySpeed(PoolDayRange(userName = name, start = "2026-11-01", end = "2026-11-07")).items
        assertEquals(7, daily.size)
        val hourly = pool.speedGetSubAccountHourlySpeed(
            PoolHourRange(userName = name, start = "2026-11-01 00:00:00", end = "2026-11-01 23:00:00"),
        ).items
        assertEquals(24, hourly.size)
        assertEquals("2026-11-01 23:00:00", hourly[23].time)
        val system = pool.speedGetSystemRealtimeSpeed(PoolSpeedCoinQuery(PoolSpeedCoin.ALL)).items
        assertEquals(2, system.size)
    }

    @Test
    fun refusalsAreTypedErrors() = runBlocking {
        val unknown = assertThrows<ChainkitException.Api> {
            runBlocking { pool.workerGetSubAccountWorkerList(sub("nobody")) }
        }
        assertEquals("5030" to "pool", unknown.code to unknown.service)
        // Refused before sending: a payout minimum outside the documented set.
        val refused = assertThrows<ChainkitException.InvalidInput> {
            runBlocking {
                pool.subAccountSetCoinHarvestSetting(
                    PoolCoinHarvestChange(
                        userName = "nobody", coinType = PoolCoin.BTC, address = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", min = 0.5,
                    ),
                )
            }
        }
        assertTrue(refused.detail.contains("min"), refused.detail)
        // The client keeps working after both.
        assertEquals("13811012345", pool.accountGetBindInfo(alice).phone)
    }

    /** A middlebox that sends the first request it saw again in place of every later one. */
    private class Replaying : HttpTransport {
        private class Sent(val method: String, val url: String, val headers: List<HttpHeader>, val body: ByteArray)

        private val http = HttpClient.newHttpClient()
        private var first: Sent? = null

        override suspend fun send(request: HttpRequest): HttpResponse {
            val sent = synchronized(this) {
                first ?: Sent(request.method(), request.url(), request.headers(), request.body()).also { first = it }
            }
            val builder = JHttpRequest.newBuilder(URI(sent.url))
                .method(sent.method, JHttpRequest.BodyPublishers.ofByteArray(sent.body))
            sent.headers.forEach { builder.header(it.name, it.value) }
            val res = http.sendAsync(builder.build(), JHttpResponse.BodyHandlers.ofByteArray()).await()
            val headers = res.headers().map().flatMap { (k, vs) -> vs.map { HttpHeader(k, it) } }
            return HttpResponse(res.statusCode().toUShort(), headers, res.body())
        }
    }

    @Test
    fun aReplayedEnvelopeIsRefusedAsUnauthorized() = runBlocking {
        val replaying = Client(sandbox, ClientOptions(), credentials(), transport = Replaying()).pool()
        assertEquals("13811012345", replaying.accountGetBindInfo(alice).phone)
        val replayed = assertThrows<ChainkitException.Unauthorized> {
            runBlocking { replaying.accountGetBindInfo(alice) }
        }
        assertEquals("5020", replayed.code)
        assertTrue(replayed.detail.contains("repeated"), replayed.detail)
    }
}
