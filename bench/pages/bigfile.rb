# Writes 16 MiB to /tmp/big in 4 KiB chunks, reads it back in 4 KiB chunks, checks the size; prints the times.
def now_ms = Process.clock_gettime(Process::CLOCK_MONOTONIC) * 1000.0

Dir.mkdir("/tmp") unless Dir.exist?("/tmp") # the official loader's file system starts empty
chunk = "x" * 4096
expected = 4096 * chunk.bytesize

t0 = now_ms
File.open("/tmp/big", "wb") { |f| 4096.times { f.write(chunk) } }
t1 = now_ms
read = 0
File.open("/tmp/big", "rb") do |f|
  while (data = f.read(4096))
    read += data.bytesize
  end
end
t2 = now_ms

size = File.size("/tmp/big")
raise "size mismatch: File.size=#{size}, read #{read}, expected #{expected}" unless size == expected && read == expected
puts format("BENCH bigfile write_ms=%.1f read_ms=%.1f total_ms=%.1f size=%d", t1 - t0, t2 - t1, t2 - t0, size)
