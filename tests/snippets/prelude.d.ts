// What the README's JS/TS blocks leave to the reader: their own values, as globals. chainkit's
// names are not here, so a block must import what it uses.
declare const url: string;
declare const apiKey: string;
declare const apiSecret: string;
declare const token: string;
declare const clientId: string;
declare const secretKey: string;
declare const secretSalt: string;
declare const encPrivateKey: string;
declare const contractAddress: string;
declare const to: string;
declare const toBid: string;
declare const tokenBid: string;
declare const nonce: number;
declare const options: import("chainkit").ClientOptions;
declare const call: import("chainkit").BifContractCall;
declare const client: import("chainkit").Client;
