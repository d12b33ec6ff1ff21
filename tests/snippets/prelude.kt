// What the README's Kotlin blocks leave to the reader: their own values. chainkit's names are not
// here, so a block must import what it uses.
package snippets

val url: String get() = TODO()
val poolUrl: String get() = TODO()
val apiKey: String get() = TODO()
val apiSecret: String get() = TODO()
val clientId: String get() = TODO()
val secretKey: String get() = TODO()
val secretSalt: String get() = TODO()
val encPrivateKey: String get() = TODO()
val contract: String get() = TODO()
val to: String get() = TODO()
val tokenBid: String get() = TODO()
val nonce: Long get() = TODO()
