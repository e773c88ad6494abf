// The executable; see CancelLintCLI.
