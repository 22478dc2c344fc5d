"""gunicorn's settings for serving the site: `gunicorn -c config/gunicorn.py config.wsgi`.

One worker per core, two threads each. A worker runs its Python one thread at a time, so this keeps about
one request per core on the CPU, and the second thread goes on while the first waits for the database or
a client. More workers or threads than that only make the requests share the cores: each takes longer,
and the last in line longest. `make bench` on 2 cores, 20 users without pause, 4 workers x 2 threads and
then 2 x 2: a kaart search made anew p95 121 -> 89 ms (274 -> 292 per second), a whole melding p95 808 ->
637 ms, the inbox p95 725 -> 518 ms, the dashboard p95 1,256 -> 887 ms.
"""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", len(os.sched_getaffinity(0))))
threads = 2
worker_class = "gthread"
# Each worker its own listening socket, and the kernel spreads new connections over them. With one shared
# socket, whichever worker woke first accepted most keep-alive connections (18 of 20 on one worker,
# measured with `ss`) and kept them.
reuse_port = True
