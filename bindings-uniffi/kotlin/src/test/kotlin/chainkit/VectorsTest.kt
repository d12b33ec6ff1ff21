package chainkit

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test
import java.io.File

/** Runs every vector file under -Dvectors.dir through the Kotlin bindings (tests/vectors/run_kotlin.sh). */
class VectorsTest {
    @Test
    fun everyVectorPasses() {
        val dir = System.getProperty("vectors.dir").orEmpty()
        assumeTrue(dir.isNotEmpty(), "no -Dvectors.dir given")
        val root = File(dir)
        var passed = 0
        var failed = 0
        root.walkTopDown().filter { it.isFile && it.name.endsWith(".json") }.sorted().forEach { file ->
            val doc = JSONObject(file.readText())
            val cases = doc.getJSONArray("cases")
            for (i in 0 until cases.length()) {
                val case = cases.getJSONObject(i)
                val got = JSONObject(evaluateVector(doc.getString("kind"), case.get("input").toString()))
                val name = "${file.relativeTo(root)}#${case.getString("name")}"
                if (got.similar(case.getJSONObject("expected"))) {
                    passed++
                    println("PASS $name")
                } else {
                    failed++
                    println("FAIL $name expected=${case.getJSONObject("expected")} got=$got")
                }
            }
        }
        println("vectors[kotlin]: $passed passed, $failed failed")
        assertTrue(failed == 0 && passed > 0, "vectors[kotlin]: $passed passed, $failed failed")
    }
}
