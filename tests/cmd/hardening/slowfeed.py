# slowfeed.py CMD... - run CMD with standard input a pipe left
# O_NONBLOCK (as Python and Node parents leave it), feeding it the bytes
# of our standard input in two halves with a pause between: the program
# finds no input at first and must wait for it (poll), not fail with
# EAGAIN.  Exits with the program's status.
import fcntl, os, subprocess, sys, time

data = sys.stdin.buffer.read()
r, w = os.pipe()
fl = fcntl.fcntl(r, fcntl.F_GETFL)
fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK)
p = subprocess.Popen(sys.argv[1:], stdin=r)
os.close(r)
half = len(data) // 2
time.sleep(0.2)
os.write(w, data[:half])
time.sleep(0.3)
os.write(w, data[half:])
os.close(w)
sys.exit(p.wait())
