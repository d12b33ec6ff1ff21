package chainkit

import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.security.KeyFactory
import java.security.MessageDigest
import java.security.Signature
import java.security.spec.X509EncodedKeySpec

/** BIF crypto from Kotlin, checked against seed 002's examples and the JDK's own Ed25519. */
class BifTest {
    private val senderKey = "priSPKi7K3nVAgtdCu9k9hVn4modxzFkd73JGsRrUYJR1T2RxM"
    private val sender = "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko"
    private val contract = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"
    private val to = "did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7"
    private val token = "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV"

    private fun hex(b: ByteArray) = b.joinToString("") { "%02x".format(it) }
    private fun unhex(s: String) = ByteArray(s.length / 2) { s.substring(2 * it, 2 * it + 2).toInt(16).toByte() }

    @Test
    fun seedKeyPairFromASecret() {
        // Seed 002 §3.3.2.
        val pair = bifKeyPair(BifPrivateKey.parse(Secret("priSPKpY6TuPUZyCuJeaTpUJ1uRYVycNZmpmCuAxC6EhsjdhNX")))
        assertEquals("did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up", pair.encAddress)
        assertEquals("b065668a006b9f68a9ac94f042161f3f0353ccfab47fa9199b8f1889b7d7659d875aa2", pair.encPublicKey)
        assertEquals("priSPKpY6TuPUZyCuJeaTpUJ1uRYVycNZmpmCuAxC6EhsjdhNX", pair.encPrivateKey.expose())
        assertFalse(pair.toString().contains("priSPK"), pair.toString())
        assertEquals("PrivateKey(ed25519, ***)", BifPrivateKey.parse(Secret(senderKey)).toString())
    }

    @Test
    fun seedTransferByteForByte() {
        // Seed 002 §3.3.3 response: serialization and signData.
        val tx = bifSignContractCall(
            BifPrivateKey.parse(Secret(senderKey)),
            BifContractCall(sender, contract, bifTransferInput(sender, to, token), 33L, feeLimit = 100000000L, gasPrice = 10L),
        )
        assertTrue(tx.serialization.startsWith("0a286469643a6269643a65665136394752745155445239536e6764464b4176346f7759797835466e6b6f102122ee01"))
        assertTrue(tx.serialization.endsWith("27227d3080c2d72f380a"))
        assertEquals(
            "70b2ce583fb15b1e67e67e76ab3cfe491e819dbcfa3120946b98648be2f319961e3f148efc49c37dae8a6b71c17ac3c11a20caf58fa26513f86b0d4b209d7a09",
            tx.signData,
        )
        assertEquals("b06566d8fb4a6dfbe0d5831e38f621391ad9191626f7e28c13d3a0482c52d5c9607b14", tx.publicKey)
        assertEquals(hex(MessageDigest.getInstance("SHA-256").digest(unhex(tx.serialization))), tx.txHash)
        val decoded = bifDecodeTransaction(unhex(tx.serialization))
        assertTrue(decoded.canonical)
        assertEquals(33, JSONObject(decoded.transactionJson).getInt("nonce"))
    }

    @Test
    fun theJdkVerifiesAFreshEd25519SignatureAndSm2RoundTrips() {
        val key = BifPrivateKey.generate(BifKeyType.ED25519)
        val address = key.publicKey().address()
        val tx = bifSignContractCall(key, BifContractCall(address, contract, bifBurnInput(token), 5L))
        val spki = unhex("302a300506032b6570032100") + key.publicKey().raw()
        val verifier = Signature.getInstance("Ed25519")
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(X509EncodedKeySpec(spki)))
        verifier.update(unhex(tx.serialization))
        assertTrue(verifier.verify(unhex(tx.signData)))

        val sm2 = BifPrivateKey.generate(BifKeyType.SM2)
        val pub = BifPublicKey.parse(sm2.publicKey().encPublicKey().uppercase())
        assertEquals(BifKeyType.SM2, pub.keyType())
        val sig = sm2.sign("签名".toByteArray())
        assertEquals(64, sig.size)
        assertTrue(pub.verify("签名".toByteArray(), sig))
        assertFalse(pub.verify("x".toByteArray(), sig))
        assertArrayEquals(sig, sm2.sign("签名".toByteArray()))
        assertTrue(pub.verify("m".toByteArray(), sm2.sign("m".toByteArray(), ByteArray(32) { 3 })))
    }

    @Test
    fun errorsNameTheField() {
        val key = BifPrivateKey.parse(Secret(senderKey))
        val e = assertThrows<ChainkitException.InvalidInput> {
            bifSignContractCall(key, BifContractCall("did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up", contract, "{}", 1L))
        }
        assertTrue(e.detail.startsWith("sender_address: "), e.detail)
        assertThrows<ChainkitException.InvalidInput> { bifSignContractCall(key, BifContractCall(sender, contract, "{}", 0L)) }
        assertThrows<ChainkitException.InvalidInput> { BifPrivateKey.parse(Secret("priSPK")) }
        assertThrows<ChainkitException.InvalidInput> { key.publicKey().verify(ByteArray(0), ByteArray(30)) }
        val a = bifParseAddress("did:bid:ljcp:ef1L8GBs9mWzeKXGiAZC877WResz6y7")
        assertEquals("ljcp", a.chainCode)
        assertEquals(0, a.payload[0].toInt())
        assertFalse(bifIsValidAddress("did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7x"))
    }
}
