//! chainkit-sandbox: `chainkit-sandbox --listen 127.0.0.1:0` prints
//! `chainkit-sandbox listening on http://127.0.0.1:PORT` first, then serves until killed.

use std::io::Write;
use std::net::SocketAddr;

mod routes;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let mut listen: SocketAddr = SocketAddr::from(([127, 0, 0, 1], 0));
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => match args.next().map(|a| a.parse()) {
                Some(Ok(addr)) => listen = addr,
                _ => fail("--listen needs an address such as 127.0.0.1:0"),
            },
            "--help" | "-h" => {
                println!("usage: chainkit-sandbox [--listen ADDR]   (default 127.0.0.1:0)");
                return;
            }
            other => fail(&format!("unknown argument {other:?}")),
        }
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
    if let Err(e) = axum::serve(listener, routes::app()).await {
        fail(&format!("server stopped: {e}"));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("chainkit-sandbox: {message}");
    std::process::exit(2)
}
