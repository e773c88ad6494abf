import LintCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program found on `PATH` and collects its output; used for `git`. Plain `posix_spawnp`,
/// since the shipped targets do not link Foundation. Standard input is `/dev/null`, so the child
/// can never wait for the user.
enum Subprocess {
    struct Output: Equatable {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]

        /// The first line of standard error, for messages.
        var firstErrorLine: String {
            let line = standardError.split(separator: UInt8(ascii: "\n")).first ?? []
            return String(decoding: line, as: UTF8.self)
        }
    }

    enum Failure: Error, Equatable {
        /// The program is not on `PATH`.
        case notFound
        case system(String)
    }

    static func run(_ arguments: [String]) -> Result<Output, Failure> {
        guard let program = arguments.first else { return .failure(.notFound) }
        var outputPipe: [Int32] = [-1, -1]
        var errorPipe: [Int32] = [-1, -1]
        guard pipe(&outputPipe) == 0 else { return .failure(.system(SystemIO.reasonForErrno())) }
        guard pipe(&errorPipe) == 0 else {
            close(outputPipe[0])
            close(outputPipe[1])
            return .failure(.system(SystemIO.reasonForErrno()))
        }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
        for descriptor in outputPipe + errorPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var processID = pid_t()
        let spawnStatus = posix_spawnp(&processID, program, &actions, nil, argv, environ)
        close(outputPipe[1])
        close(errorPipe[1])
        guard spawnStatus == 0 else {
            close(outputPipe[0])
            close(errorPipe[0])
            return .failure(spawnStatus == ENOENT ? .notFound : .system(SystemIO.reason(spawnStatus)))
        }
        let (standardOutput, standardError) = drain(outputPipe[0], errorPipe[0])
        close(outputPipe[0])
        close(errorPipe[0])

        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0 {
            guard errno == EINTR else { return .failure(.system(SystemIO.reasonForErrno())) }
        }
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return .success(Output(status: exitStatus, standardOutput: standardOutput, standardError: standardError))
    }

    /// Reads both pipes to end of file together, so a child filling one while we wait on the
    /// other cannot deadlock.
    private static func drain(_ output: Int32, _ error: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var open = [true, true]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while open[0] || open[1] {
            var polled = [pollfd(fd: open[0] ? output : -1, events: Int16(POLLIN), revents: 0),
                          pollfd(fd: open[1] ? error : -1, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&polled, nfds_t(polled.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in 0..<2 where open[index] && polled[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(polled[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[index] += buffer[0..<count]
                } else if count == 0 || errno != EINTR {
                    open[index] = false
                }
            }
        }
        return (collected[0], collected[1])
    }
}
