#!/usr/bin/env python3
"""segmentation-service's GET /segments/{id}/members for bench/run-campaign.sh: segment bench-<n> has the members
bench-c0000000 .. bench-c<n-1>, served in cursor pages (limit <= 1000) exactly as segmentation-service pages them
(the cursor is opaque to campaign-service; here it is the next index). Usage: segmentation-stub.py PORT"""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

class Members(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        parts = url.path.strip('/').split('/')
        if len(parts) != 3 or parts[0] != 'segments' or parts[2] != 'members' or not parts[1].startswith('bench-'):
            self.send_response(404); self.end_headers(); return
        n = int(parts[1][len('bench-'):])
        q = parse_qs(url.query)
        start = int(q.get('cursor', ['0'])[0] or 0)
        limit = min(int(q.get('limit', ['100'])[0]), 1000)
        end = min(n, start + limit)
        body = json.dumps({'items': ['bench-c%07d' % i for i in range(start, end)],
                           'nextCursor': str(end) if end < n else None}).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), Members).serve_forever()
