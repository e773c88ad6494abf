import Foundation

extension NotificationCenter {
    func stream(of name: Notification.Name) -> AsyncStream<Notification> {
        AsyncStream { continuation in
            addObserver(forName: name, object: nil, queue: nil) { notification in
                continuation.yield(notification)
            }
        }
    }
}
