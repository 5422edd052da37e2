# 1,000 small files in 10 directories: write, read, stat, glob, delete; prints each phase's time.
def now_ms = Process.clock_gettime(Process::CLOCK_MONOTONIC) * 1000.0

Dir.mkdir("/tmp") unless Dir.exist?("/tmp") # the official loader's file system starts empty
root = "/tmp/small"
Dir.mkdir(root) unless Dir.exist?(root) # bench/call-times.mjs runs it again in the same VM
10.times { |d| Dir.mkdir("#{root}/d#{d}") unless Dir.exist?("#{root}/d#{d}") }
paths = Array.new(1000) { |i| "#{root}/d#{i % 10}/file#{i}.txt" }
data = "x" * 100

t0 = now_ms
paths.each { |path| File.write(path, data) }
t1 = now_ms
read = paths.sum { |path| File.read(path).bytesize }
t2 = now_ms
sizes = paths.sum { |path| File.stat(path).size }
t3 = now_ms
found = Dir.glob("#{root}/**/*.txt").size
t4 = now_ms
paths.each { |path| File.delete(path) }
t5 = now_ms

raise "expected 1000 files of 100 bytes: read #{read}, stat #{sizes}, glob #{found}" unless read == 100_000 && sizes == 100_000 && found == 1000
raise "files left behind" unless Dir.glob("#{root}/**/*.txt").empty?
puts format("BENCH small-files write_ms=%.1f read_ms=%.1f stat_ms=%.1f glob_ms=%.1f delete_ms=%.1f total_ms=%.1f",
            t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0)
