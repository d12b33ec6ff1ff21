//! `chainkit-sandbox --listen 127.0.0.1:0 [--credentials FILE]` prints
//! `chainkit-sandbox listening on http://127.0.0.1:PORT` first, then serves until killed.

use std::io::Write;
use std::net::SocketAddr;

use chainkit_sandbox::Config;

// One thread: every handler is short and in memory, and a request then costs no wake-up of a
// second worker (BENCHMARKS.md, the typed pool call's second pass).
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mut listen: SocketAddr = SocketAddr::from(([127, 0, 0, 1], 0));
    let mut stop_on_stdin_eof = false;
    let mut config = Config::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => match args.next().map(|a| a.parse()) {
                Some(Ok(addr)) => listen = addr,
                _ => fail("--listen needs an address such as 127.0.0.1:0"),
            },
            "--credentials" => match args.next().map(|f| Config::from_file(&f)) {
                Some(Ok(c)) => config = c,
                Some(Err(e)) => fail(&e),
                None => fail("--credentials needs a JSON file"),
            },
            "--stop-on-stdin-eof" => stop_on_stdin_eof = true,
            "--help" | "-h" => {
                println!("usage: chainkit-sandbox [--listen ADDR] [--credentials FILE] [--stop-on-stdin-eof]");
                println!(
                    "  --listen ADDR         loopback address to serve on (default 127.0.0.1:0)"
                );
                println!("  --credentials FILE    JSON overriding the default test credentials (README.md)");
                println!(
                    "  --stop-on-stdin-eof   exit when standard input closes (for test harnesses)"
                );
                return;
            }
            other => fail(&format!("unknown argument {other:?}")),
        }
    }
    // The sandbox accepts well-known credentials: it must never be reachable from elsewhere.
    if !listen.ip().is_loopback() {
        fail("--listen must be a loopback address");
    }
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(l) => l,
        Err(e) => fail(&format!("cannot listen on {listen}: {e}")),
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => fail(&format!("no local address: {e}")),
    };
    println!("chainkit-sandbox listening on http://{addr}");
    // Callers read the first line through a pipe; make sure it is not stuck in a buffer.
    let _ = std::io::stdout().flush();
    if stop_on_stdin_eof {
        // A harness that holds our stdin open stops us by exiting, however it exits.
        std::thread::spawn(|| {
            let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
            std::process::exit(0);
        });
    }
    if let Err(e) = axum::serve(listener, chainkit_sandbox::app(config)).await {
        fail(&format!("server stopped: {e}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("chainkit-sandbox: {message}");
    std::process::exit(2)
}
