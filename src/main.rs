use std::process::ExitCode;

fn main() -> ExitCode {
    common_ground::cli::main()
}
