#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a body for every index on a few threads of our own.
///
/// Why not Dispatch: front ends parse by recursive descent and rules recurse over syntax trees,
/// so a deeply nested file needs far more stack than Dispatch's 512 KiB worker threads have.
/// Each worker pulls the next index from a shared counter, so a slow file does not hold up others.
enum ParallelWorkers {
    static let stackSize = 64 * 1024 * 1024

    /// One worker per online processor. (The Glibc module does not expose `sched_getaffinity`, so a
    /// narrowed affinity mask is not seen; `LintRequest.workerCount` overrides this when it matters.)
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Calls `body` once for each index in `0..<count` and returns when all calls have finished.
    static func forEachIndex(_ count: Int, workerCount: Int, body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let job = WorkerJob(count: count, body: body)
        var threads: [pthread_t] = []
        for _ in 0..<max(1, min(workerCount, count)) {
            if let thread = startThread(running: job) { threads.append(thread) }
        }
        // Only if the system refused every thread: better a small stack than no lint at all.
        if threads.isEmpty { job.work() }
        for thread in threads { pthread_join(thread, nil) }
    }

    private static func startThread(running job: WorkerJob) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return nil }

        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        let status = pthread_create(&thread, &attributes, { raw in
            Unmanaged<WorkerJob>.fromOpaque(raw).takeRetainedValue().work()
            return nil
        }, context)
        #else
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            Unmanaged<WorkerJob>.fromOpaque(raw).takeRetainedValue().work()
            return nil
        }, context)
        #endif
        guard status == 0 else {
            Unmanaged<WorkerJob>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}

/// The shared state of one `forEachIndex` call: the next index to hand out, behind a mutex.
/// Checked by hand: `next` is only touched with `mutex` held; `body` is Sendable.
private final class WorkerJob: @unchecked Sendable {
    private let count: Int
    private let body: @Sendable (Int) -> Void
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var next = 0

    init(count: Int, body: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.body = body
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func work() {
        while let index = takeIndex() { body(index) }
    }

    private func takeIndex() -> Int? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }
}

/// One slot per index, each written by exactly one worker and read only after all have been
/// joined (`pthread_join` orders the writes before the reads), so no lock is needed.
final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = UnsafeMutableBufferPointer<Value?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) { slots[index] = value }

    func value(at index: Int) -> Value? { slots[index] }
}
