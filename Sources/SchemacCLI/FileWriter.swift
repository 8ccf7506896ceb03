import Foundation

/// Writes a set of files so that a failure leaves the folder as it was:
/// every file is first written beside its target under a temporary name, and
/// only when all of them are written are they renamed into place.
struct FileWriter {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// Path → new contents. Paths not listed are left alone, except `removals`.
    var files: [String: [UInt8]] = [:]
    var removals: [String] = []

    func commit() throws {
        let manager = FileManager.default
        var staged: [(temporary: String, target: String)] = []
        do {
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                let folder = (path as NSString).deletingLastPathComponent
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let temporary = folder + "/.schemac-" + (path as NSString).lastPathComponent + ".tmp"
                guard manager.createFile(atPath: temporary, contents: Data(bytes)) else {
                    throw WriteError(description: "cannot write \(path)")
                }
                staged.append((temporary, path))
            }
        } catch {
            for file in staged { try? manager.removeItem(atPath: file.temporary) }
            throw error
        }
        for file in staged {
            guard rename(file.temporary, file.target) == 0 else {
                throw WriteError(description: "cannot move \(file.temporary) to \(file.target)")
            }
        }
        for path in removals { try? manager.removeItem(atPath: path) }
    }
}
