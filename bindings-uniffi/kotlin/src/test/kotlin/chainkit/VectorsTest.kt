package chainkit

import org.json.JSONObject
import org.json.JSONTokener
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Test
import java.io.File

/**
 * Runs every vector file (`*.json`, any depth) under the directory in system property
 * `vectors.dir` through the Kotlin bindings: `tests/vectors/run_kotlin.sh DIR`. Skipped only when
 * the property is absent (a plain `test.sh` run); the format is in tests/vectors/README.md.
 */
class VectorsTest {
    @Test
    fun everyVectorPasses() {
        val dir = System.getProperty("vectors.dir")
        assumeTrue(dir != null, "no -Dvectors.dir given")
        val root = File(dir!!)
        assertTrue(root.isDirectory, "vectors.dir '$dir' is not a directory")
        var passed = 0
        var failed = 0
        root.walkTopDown().filter { it.isFile && it.name.endsWith(".json") }.sorted().forEach { file ->
            val doc = JSONObject(file.readText())
            val kind = doc.getString("kind")
            val cases = doc.getJSONArray("cases")
            for (i in 0 until cases.length()) {
                val case = cases.getJSONObject(i)
                val name = "${file.relativeTo(root)}#${case.getString("name")}"
                // `expected` may be any JSON value (`null` for an endpoint with no output), so
                // both sides are wrapped in one object for org.json's `similar` (numbers by value).
                val expected = JSONObject().put("v", case.get("expected"))
                val got = try {
                    JSONObject().put("v", JSONTokener(evaluateVector(kind, case.get("input").toString())).nextValue())
                } catch (e: ChainkitException) {
                    JSONObject().put("exception", e.toString())
                }
                if (got.similar(expected)) {
                    passed++
                    println("PASS $name")
                } else {
                    failed++
                    println("FAIL $name expected=${expected.opt("v")} got=${got.opt("v") ?: got}")
                }
            }
        }
        val summary = "vectors[kotlin]: $passed passed, $failed failed"
        println(summary)
        assertTrue(failed == 0 && passed > 0, summary)
    }
}
