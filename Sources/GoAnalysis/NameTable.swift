import GoSyntax

/// Interns identifier spellings as small integers without making Strings:
/// an open-addressing hash table over byte ranges of one file.
struct NameTable {
    private let bytes: [UInt8]
    /// Slots hold `nameID + 1`, 0 when empty.
    private var slots: [Int32]
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []

    init(bytes: [UInt8], expectedCount: Int) {
        self.bytes = bytes
        var capacity = 64
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
    }

    var count: Int { starts.count }

    /// The name ID for `bytes[start..<end]`, interning it if new.
    mutating func intern(start: Int32, end: Int32) -> Int32 {
        let hash = hashOf(start: start, end: end)
        if starts.count * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 {
                let id = Int32(starts.count)
                starts.append(start)
                lengths.append(end - start)
                hashes.append(hash)
                slots[slot] = id + 1
                return id
            }
            let id = Int(entry - 1)
            if hashes[id] == hash && equal(id: id, start: start, end: end) { return Int32(id) }
            slot = (slot + 1) & mask
        }
    }

    /// The name ID if already interned.
    func lookup(start: Int32, end: Int32) -> Int32? {
        let hash = hashOf(start: start, end: end)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = Int(entry - 1)
            if hashes[id] == hash && equal(id: id, start: start, end: end) { return Int32(id) }
            slot = (slot + 1) & mask
        }
    }

    private func hashOf(start: Int32, end: Int32) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        var index = Int(start)
        let stop = Int(end)
        while index < stop {
            hash = (hash ^ UInt32(bytes[index])) &* 16_777_619
            index += 1
        }
        return hash
    }

    private func equal(id: Int, start: Int32, end: Int32) -> Bool {
        guard lengths[id] == end - start else { return false }
        var i = Int(starts[id]), j = Int(start)
        let stop = Int(end)
        while j < stop {
            if bytes[i] != bytes[j] { return false }
            i += 1; j += 1
        }
        return true
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<starts.count {
            var slot = Int(hashes[id]) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id + 1)
        }
        slots = bigger
    }
}
