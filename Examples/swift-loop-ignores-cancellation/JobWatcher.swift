import Foundation

struct JobStatus: Decodable {
    let id: String
    let state: String
}

struct JobClient {
    let base: URL

    func status(of id: String) async -> JobStatus? {
        guard let (data, _) = try? await URLSession.shared.data(from: base.appendingPathComponent(id)) else { return nil }
        return try? JSONDecoder().decode(JobStatus.self, from: data)
    }
}

/// Streams job states to a log until the job is done.
func followJob(_ id: String, client: JobClient, log: (String) -> Void) async {
    while true {
        if let status = await client.status(of: id) {
            log("\(status.id): \(status.state)")
        }
        await Task.yield()
    }
}

/// The same loop written to stop when its task is cancelled.
func followJobCancellably(_ id: String, client: JobClient, log: (String) -> Void) async throws {
    while true {
        try Task.checkCancellation()
        if let status = await client.status(of: id) {
            log("\(status.id): \(status.state)")
        }
        try await Task.sleep(for: .seconds(2))
    }
}
