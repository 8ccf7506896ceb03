#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and directory listings straight through POSIX: the check
/// reads a thousand generated files on every run, and `FileManager` (enumerator
/// objects, `Data`, bridging) cost more than the reading itself.
enum FileBytes {
    /// The file's bytes; nil when it cannot be opened or is not a regular file.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            // A file that grows while it is read is read up to its size at open.
            while filled < buffer.count {
                let count = readChunk(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return count == 0 }
                filled += count
            }
            return true
        }
        guard complete else { return nil }
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        return bytes
    }

    /// Names of the regular files in `folder` (below it too when `recursive`,
    /// as relative paths), sorted; empty when the folder does not exist.
    static func list(_ folder: String, recursive: Bool = false) -> [String] {
        var names: [String] = []
        collect(folder, prefix: "", recursive: recursive, into: &names)
        return names.sorted()
    }

    private static func collect(_ folder: String, prefix: String, recursive: Bool, into names: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind = entry.pointee.d_type
            let isFolder = kind == UInt8(DT_DIR) || (kind == UInt8(DT_UNKNOWN) && isDirectory(folder + "/" + name))
            if isFolder {
                if recursive { collect(folder + "/" + name, prefix: prefix + name + "/", recursive: true, into: &names) }
            } else {
                names.append(prefix + name)
            }
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}

/// `read(2)`, named apart from `FileBytes.read`.
private func readChunk(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
