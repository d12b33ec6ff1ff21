package chainkit

import kotlinx.coroutines.runBlocking
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest as JHttpRequest
import java.net.http.HttpResponse as JHttpResponse

/**
 * The fault matrix (tests/fault-matrix/matrix.json, its path in system property `fault.matrix`)
 * through the Kotlin binding's raw `request`: every sandbox fault × (GET, POST), asserting the
 * outcome and how many requests the sandbox counted. Run by `tests/fault-matrix/run`; skipped
 * in a plain `test.sh` run. The expectations and their reasons are in the JSON.
 */
class FaultMatrixTest {
    private val sandbox: String? = System.getenv("CHAINKIT_SANDBOX_URL")
    private val run = "${ProcessHandle.current().pid()}-${System.nanoTime()}"
    private val http = HttpClient.newHttpClient()

    /** Requests the sandbox saw under [id], asked with the JDK's client, not chainkit. */
    private fun counted(id: String): Int {
        val req = JHttpRequest.newBuilder(URI.create("$sandbox/_sandbox/requests/$id")).build()
        return JSONObject(http.send(req, JHttpResponse.BodyHandlers.ofString()).body()).getInt("requests")
    }

    /** The snake_case kind of [e], from its variant's name (`RateLimited` → `rate_limited`). */
    private fun kind(e: ChainkitException): String =
        e::class.simpleName!!.replace(Regex("([a-z])([A-Z])"), "$1_$2").lowercase()

    /** The HTTP status every variant carries (the sealed base class declares no fields). */
    private fun status(e: ChainkitException): Int? = when (e) {
        is ChainkitException.Network -> e.status
        is ChainkitException.Timeout -> e.status
        is ChainkitException.Cancelled -> e.status
        is ChainkitException.Unauthorized -> e.status
        is ChainkitException.RateLimited -> e.status
        is ChainkitException.Api -> e.status
        is ChainkitException.Forbidden -> e.status
        is ChainkitException.InvalidInput -> e.status
        is ChainkitException.Decode -> e.status
        is ChainkitException.Signing -> e.status
        is ChainkitException.Config -> e.status
    }?.toInt()

    @Test
    fun everyFaultForIdempotentAndNonIdempotentCalls() {
        val path = System.getProperty("fault.matrix")
        assumeTrue(path != null, "no -Dfault.matrix given")
        val matrix = JSONObject(File(path!!).readText())
        val options = matrix.getJSONObject("options")
        val cells = matrix.getJSONArray("cells")
        var failed = 0
        for (i in 0 until cells.length()) {
            val cell = cells.getJSONObject(i)
            for (idempotent in listOf(true, false)) {
                val method = if (idempotent) "GET" else "POST"
                val id = "kt-$run-${cell.getString("name")}-${method.lowercase()}"
                val client = Client(
                    sandbox!!,
                    ClientOptions(options.getLong("timeout_ms").toULong(), options.getInt("max_attempts").toUInt()),
                )
                val header = HttpHeader("x-sandbox-fault", "id=$id; ${cell.getString("fault")}")
                var status: Int? = null
                var isJson: Boolean? = null
                val got = try {
                    val res = runBlocking { client.request(RawRequest(method, matrix.getString("path"), listOf(header))) }
                    status = res.status.toInt()
                    isJson = runCatching { JSONObject(res.body.toString(Charsets.UTF_8)) }.isSuccess
                    "ok"
                } catch (e: ChainkitException) {
                    status = status(e)
                    kind(e)
                } finally {
                    client.close()
                }
                val requests = counted(id)
                val wantRequests = cell.getJSONArray("requests").getInt(if (idempotent) 0 else 1)
                val want = cell.getString("outcome")
                val wrong = mutableListOf<String>()
                if (got != want) wrong += "outcome $got (want $want)"
                if (requests != wantRequests) wrong += "$requests requests (want $wantRequests)"
                if (want == "ok") {
                    if (isJson != (cell.getString("body") == "json")) wrong += "body is JSON: $isJson"
                } else if (cell.has("status")) {
                    val wantStatus = if (cell.isNull("status")) null else cell.getInt("status")
                    if (status != wantStatus) wrong += "status $status (want $wantStatus)"
                }
                val name = "${cell.getString("name")} $method"
                val rule = if (cell.optBoolean("rule_change")) " [rule_change]" else ""
                if (wrong.isEmpty()) {
                    println("PASS $name")
                } else {
                    failed++
                    println("FAIL $name$rule: ${wrong.joinToString(", ")}")
                }
            }
        }
        val summary = "fault matrix[kotlin]: ${2 * cells.length() - failed} passed, $failed failed"
        println(summary)
        assertTrue(failed == 0, summary)
    }
}
