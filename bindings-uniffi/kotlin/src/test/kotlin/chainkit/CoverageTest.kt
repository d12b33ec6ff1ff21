package chainkit

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

/**
 * docs/coverage.md lists each service's endpoints with their Kotlin/Swift names: every one must be
 * a method of the object `client.<service>()` returns, in the bindings generated from this build.
 */
class CoverageTest {
    // Endpoint counts per service, from the seeds (000 DDC, 001 Ulord, 002 DNA).
    private val expected = mapOf("dna" to 21, "ddc" to 15, "ulord" to 28, "pool" to 45)

    @Test
    fun everyEndpointInTheCoverageListIsAMethodOfItsServiceObject() {
        val coverage = File(System.getProperty("chainkit.root", "../.."), "docs/coverage.md").readText()
        val sections = Regex("""^## (\w+) """, RegexOption.MULTILINE).findAll(coverage).map { it.groupValues[1] }.toList()
        assertEquals(expected.keys.toList(), sections)
        for (svc in sections) {
            val section = coverage.substringAfter("\n## $svc ").substringBefore("\n## ")
            val names = Regex("""^\| `[A-Z]+ [^`]+` \| `\w+` \| `\w+` \| `\w+` \| `(\w+)` \|""", RegexOption.MULTILINE)
                .findAll(section).map { it.groupValues[1] }.toList()
            assertEquals(expected[svc], names.size, svc)
            val service = Client::class.java.getMethod(svc).returnType
            val methods = service.methods.map { it.name }.toSet()
            for (name in names) assertTrue(name in methods, "${service.simpleName} lacks $name")
        }
    }
}
