//! `common-ground`: the command line (`check`, `compare`, `fmt`) and, without a command, the
//! window. Both are thin layers over the core and window crates.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
