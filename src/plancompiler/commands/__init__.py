"""One module per subcommand: a plain ``run(...) -> int`` the CLI calls."""
