import Dispatch
import Foundation

final class ThumbnailRenderer: @unchecked Sendable {
    private let queue = DispatchQueue(label: "thumbnails")
    private let rendered = DispatchSemaphore(value: 0)
    private var output: Data?

    func render(_ image: Data) async -> Data? {
        queue.async {
            self.output = image.prefix(1024)
            self.rendered.signal()
        }
        rendered.wait()
        return output
    }

    func renderWithRetry(_ image: Data) async -> Data? {
        for _ in 0..<3 {
            if let data = await render(image) { return data }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return nil
    }

    /// Blocking is fine here: this is synchronous code on a queue of our own.
    func renderSynchronously(_ image: Data) -> Data? {
        queue.sync { image.prefix(1024) }
    }
}
