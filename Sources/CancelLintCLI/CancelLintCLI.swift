// The command line: argument parsing and the run, drivable in-process by tests.
