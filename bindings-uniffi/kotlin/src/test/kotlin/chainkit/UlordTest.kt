package chainkit

import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * Seed 001 through the methods expanded from core's one definition, against the sandbox. Admin:
 * login → roles, app types, developers and apps. External, with the key of an app the admin
 * client just created: wallets → payments → balance → publish → check → consume → the bill and
 * resource lists, walked page by page. Documented errors arrive typed.
 */
class UlordTest {
    private val sandbox: String = System.getenv("CHAINKIT_SANDBOX_URL") ?: error("CHAINKIT_SANDBOX_URL is not set")
    private val ipfs = "QmUH2NbKrURA6hAmJnhfP4VTDtkjUs3fVCN2L7DoE3JLmm"
    private val admin = Client(
        sandbox, ClientOptions(), Credentials.UlordAdmin("sandbox-dev", Secret("sandbox-password"), null, ""),
    ).ulord()

    // The sandbox is shared by every run against it: names that must be unique get a suffix.
    private fun unique(name: String) = "$name-${System.nanoTime()}"

    private fun <T> walk(next: suspend () -> List<T>?): List<List<T>> =
        generateSequence { runBlocking { next() } }.toList()

    @Test
    fun adminRolesTypesDevelopersAndApps() = runBlocking {
        val login = admin.loginDeveloper(UlordLogin("sandbox-dev", Secret("sandbox-password")))
        assertTrue(login.token!!.expose().isNotEmpty())
        assertFalse(login.toString().contains(login.token!!.expose()))

        assertTrue(admin.listRoles().roles.map { it.name }.containsAll(listOf("admin", "normal", "blocked")))
        val role = admin.addRole(UlordNewRole(name = "auditor", des = "审计")).id
        admin.editRole(UlordRoleEdit(id = role, name = "auditor", des = "审计员"))
        assertTrue(admin.listRoles().roles.any { it.id == role && it.des == "审计员" })
        assertEquals(1L, admin.removeRole(UlordRecordId(role)).num)
        assertEquals(0L, admin.removeRole(UlordRecordId(role)).num)

        val kind = admin.addAppType(UlordNewAppType(parentId = 3L, name = "摄影", des = "photo")).id
        assertTrue(admin.listAppTypes().types.single { it.id == 3L }.children.any { it.id == kind })
        admin.editAppType(UlordAppTypeEdit(id = kind, name = "摄影", des = "photo", parentId = 4L))
        assertTrue(admin.listAppTypes().types.single { it.id == 4L }.children.any { it.id == kind })
        assertEquals(1L, admin.removeAppType(UlordRecordId(kind)).num)

        val name = unique("kt-dev")
        val developer = admin.registerDeveloper(
            UlordRegistration(username = name, password = Secret("pw-1"), email = null, telphone = null, roleId = 7L),
        ).id
        admin.changeDeveloperPassword(UlordPasswordChange(name, Secret("pw-1"), Secret("pw-2")))
        val old = assertThrows<ChainkitException.Api> { runBlocking { admin.loginDeveloper(UlordLogin(name, Secret("pw-1"))) } }
        assertEquals("20004", old.code)
        admin.loginDeveloper(UlordLogin(name, Secret("pw-2")))

        val app = admin.addApp(UlordNewApp(userId = developer, appname = unique("kt-blog"), apptypeId = 7L, appdes = null)).id
        val listed = admin.listApps(UlordDeveloperId(developer)).apps.single()
        assertEquals(app, listed.id)
        assertEquals(7L, listed.appType)
        assertNull(listed.appdes)
        assertEquals(32, listed.appkey.expose().length)
        val secret = admin.resetAppSecret(UlordSecretReset(id = app, userId = developer)).secret
        assertEquals(secret.expose(), admin.listApps(UlordDeveloperId(developer)).apps.single().secret!!.expose())
        val foreign = assertThrows<ChainkitException.Unauthorized> {
            runBlocking { admin.resetAppSecret(UlordSecretReset(id = app, userId = 1L)) }
        }
        assertEquals("10013", foreign.code)
        assertEquals(1L, admin.removeApp(UlordRecordId(app)).num)
        assertTrue(admin.listApps(UlordDeveloperId(developer)).apps.isEmpty())
    }

    @Test
    fun externalFlowWithANewAppsKey() = runBlocking {
        val app = admin.addApp(UlordNewApp(userId = 1L, appname = unique("kt-e2e"), apptypeId = 7L, appdes = "chainkit")).id
        val key = admin.listApps(UlordDeveloperId(1L)).apps.single { it.id == app }.appkey
        val u = Client(sandbox, ClientOptions(), Credentials.UlordAppKey(key)).ulord()

        val (alice, bob) = unique("alice") to unique("bob")
        for (user in listOf(alice, bob)) assertEquals(user, u.createWallet(UlordNewWallet(user, Secret("$user-pay"))).id)
        u.payToUser(UlordPayment(isDeveloper = true, sendUser = null, payPassword = null, recvUser = alice, amount = 10.0))
        u.payToUser(UlordPayment(isDeveloper = false, sendUser = alice, payPassword = Secret("$alice-pay"), recvUser = bob, amount = 2.0))
        suspend fun balance(user: String) = u.getBalance(UlordBalanceQuery(user, Secret("$user-pay"))).total
        assertEquals(8.0, balance(alice))

        suspend fun publish(title: String, price: Double) = u.publishResource(
            UlordPublication(
                author = bob, title = title, tag = listOf("Kotlin", "IPFS"), ipfsHash = ipfs, price = price,
                contentType = ".txt", payPassword = Secret("$bob-pay"), description = "blog description",
            ),
        ).claimId
        val blog = publish("blog", 1.5)
        val ad = publish("ad", -0.5)
        val check = UlordPaidCheck(alice, listOf(blog, ad))
        assertFalse(u.checkPaid(check).claims.toString().contains(ipfs))
        val consumed = u.consumeResource(UlordConsumption(alice, blog, customerPayPassword = Secret("$alice-pay"), authorPayPassword = null))
        assertEquals(ipfs, consumed.ipfsHash)
        u.consumeResource(UlordConsumption(alice, ad, customerPayPassword = null, authorPayPassword = Secret("$bob-pay")))
        assertTrue(u.checkPaid(check).claims.toString().contains(ipfs))
        assertEquals(7.0 to 3.0, balance(alice) to balance(bob))

        val bills = u.publisherBillPages(UlordAuthorPage(page = 1, num = 1, author = bob))
        val billPages = walk { bills.nextPage() }
        assertEquals(listOf(1, 1), billPages.map { it.size })
        assertEquals(listOf(alice to 1.5, alice to -0.5), billPages.flatten().map { it.customer to it.price })
        val page = u.listCustomerBills(UlordCustomerPage(page = 1, num = 1, customer = alice))
        assertEquals(Triple(2L, 2L, 1), Triple(page.pages, page.total, page.records.size))
        val spent = u.customerBillPages(UlordCustomerPage(page = 1, num = 1, customer = alice))
        assertEquals(listOf(blog, ad), walk { spent.nextPage() }.flatten().map { it.claimId })
        val inout = u.getInoutSummary(UlordUsername(alice))
        assertEquals(1L to 1.5, inout.customerExpenditure.count to inout.customerExpenditure.sum)
        assertNull(inout.publisherIncome.sum)
        assertEquals(2L, u.countPublishedResources(UlordAuthor(bob)).count)
        val total = u.listResources(UlordPage(page = 1, num = 1)).total
        val every = u.resourcePages(UlordPage(page = 1, num = 1))
        assertEquals(total, walk { every.nextPage() }.flatten().size.toLong())
        val mine = u.publishedResourcePages(UlordAuthorPage(page = 1, num = 1, author = bob))
        val resources = walk { mine.nextPage() }.flatten()
        assertEquals(listOf("blog", "ad"), resources.map { it.title })
        assertEquals(listOf("Kotlin", "IPFS"), resources[0].tags)
        val used = u.listConsumedResources(UlordCustomerPage(page = 1, num = 10, customer = alice))
        assertEquals(listOf(ad) to listOf(blog), used.ads.map { it.claimId } to used.consumes.map { it.claimId })

        val wrong = assertThrows<ChainkitException.Api> {
            runBlocking { u.getBalance(UlordBalanceQuery(alice, Secret("nope"))) }
        }
        assertEquals("20004", wrong.code)
        assertFalse(wrong.detail.isEmpty())
        val zero = assertThrows<ChainkitException.InvalidInput> { runBlocking { u.listResources(UlordPage(page = 0, num = 10)) } }
        assertTrue(zero.detail.contains("page"), zero.detail)

        admin.removeApp(UlordRecordId(app))
        val gone = assertThrows<ChainkitException.Unauthorized> { runBlocking { u.listResources(UlordPage(page = 1, num = 10)) } }
        assertEquals("10001", gone.code)
        assertNotEquals(0, gone.detail.length)
    }
}
