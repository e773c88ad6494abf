// The executable: everything happens in CancelLintCLI, so tests can drive it in-process.
import CancelLintCLI
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

exit(CancelLintCLI.run(arguments: processArguments(), frontEnds: defaultFrontEnds,
                       stdout: .standardOutput, stderr: .standardError,
                       currentDirectory: currentWorkingDirectory()))
