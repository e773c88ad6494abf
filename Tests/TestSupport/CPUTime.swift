import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU time (user + system, every thread of the process) that `body` took. Unlike wall
/// time it does not grow when the machine is busy with something else, so ratios of two
/// measurements on one machine are stable enough for tests.
public func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
    let before = processCPUSeconds()
    try body()
    return processCPUSeconds() - before
}

/// The least of `repetitions` measurements: noise only ever adds time.
public func leastCPUSeconds(repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
    var least = Double.infinity
    for _ in 0..<max(1, repetitions) {
        least = min(least, try cpuSeconds(body))
    }
    return least
}

private func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
