#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    copydesk::cli::main()
}
