//! Writes the benches' large negotiation (8 party files of 2,000 statements, 60 issues) into a
//! folder, for scripts that time or measure the whole app on it (`.ci/startup`); or as many
//! parties and statements as asked, to try the window on (30 300 for thirty parties).
//!
//!   cargo run --release --example generate_large -- FOLDER [PARTIES STATEMENTS]

#[path = "generated.rs"]
#[expect(
    dead_code,
    reason = "this writes the generated set of the size asked, not the one in rounds"
)]
mod generated;

fn main() -> anyhow::Result<()> {
    let Some(folder) = std::env::args_os().nth(1) else {
        anyhow::bail!("usage: generate_large FOLDER");
    };
    let folder = std::path::PathBuf::from(folder);
    let count = |at: usize, default: usize| -> anyhow::Result<usize> {
        std::env::args()
            .nth(at)
            .map_or(Ok(default), |text| text.parse())
            .map_err(|error| anyhow::anyhow!("argument {at}: {error} (a whole number)"))
    };
    let parties = count(2, generated::PARTIES)?;
    let statements = count(3, generated::STATEMENTS)?;
    std::fs::create_dir_all(&folder)?;
    generated::generate_sized(&folder, parties, statements);
    Ok(())
}
