"""A fake Stripe API on loopback, for tests.

It answers the real HTTP requests that the `stripe` package sends for Checkout
Sessions and refunds, serves a stand-in hosted payment page, and signs webhook
events with the shop's webhook secret, as Stripe would.
"""

import json
import re
import secrets
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

import stripe


def parse_stripe_form(body: str) -> dict:
    """Stripe's form encoding (line_items[0][price_data][currency]=gbp) as nested data."""
    data = {}
    for key, value in parse_qsl(body, keep_blank_values=True):
        parts = re.findall(r"[^\[\]]+", key)
        node = data
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _lists_from_indexes(data)


def _lists_from_indexes(node):
    if not isinstance(node, dict):
        return node
    if node and all(key.isdigit() for key in node):
        return [_lists_from_indexes(node[key]) for key in sorted(node, key=int)]
    return {key: _lists_from_indexes(value) for key, value in node.items()}


class FakeStripe:
    def __init__(self, *, webhook_secret, webhook_url=None):
        self.webhook_secret = webhook_secret
        self.webhook_url = webhook_url
        self.sessions = {}
        self.refunds = []
        self.requests = []  # (method, path, parsed body, headers) of every API call
        self.fail_with = None  # an HTTP status to answer every API call with
        self.delay_seconds = 0
        self._idempotent = {}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_port}"

    def start(self):
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    # What tests drive directly.

    def pay(self, session_id):
        """The shopper pays on the hosted page: complete the session and return it."""
        with self._lock:
            session = self.sessions[session_id]
            session.update(
                status="complete",
                payment_status="paid",
                payment_intent=session["payment_intent"] or f"pi_{secrets.token_hex(8)}",
            )
        return session

    def signed_event(self, kind, obj, *, timestamp=None):
        """A webhook body and its Stripe-Signature header."""
        event = {
            "id": f"evt_{secrets.token_hex(10)}",
            "object": "event",
            "type": kind,
            "created": int(time.time()),
            "data": {"object": obj},
            "livemode": False,
            "api_version": "2025-01-01",
        }
        payload = json.dumps(event)
        header = stripe.WebhookSignature.generate_signature_header(
            payload, self.webhook_secret, timestamp=timestamp
        )
        return payload, header

    def deliver(self, kind, obj):
        """POST a signed event to the shop's webhook, as Stripe does."""
        payload, header = self.signed_event(kind, obj)
        request = urllib.request.Request(
            self.webhook_url,
            data=payload.encode(),
            method="POST",
            headers={"Content-Type": "application/json", "Stripe-Signature": header},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status

    # The HTTP side.

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                fake._route(self, "GET")

            def do_POST(self):
                fake._route(self, "POST")

        return Handler

    def _route(self, handler, method):
        length = int(handler.headers.get("Content-Length") or 0)
        body = parse_stripe_form(handler.rfile.read(length).decode())
        path, _sep, query = handler.path.partition("?")
        if method == "GET":
            body = parse_stripe_form(query)
        if path.startswith("/pay/"):
            return self._hosted_page(handler, method, path.removeprefix("/pay/"))
        self.requests.append((method, path, body, dict(handler.headers)))
        if self.delay_seconds:
            time.sleep(self.delay_seconds)
        if self.fail_with is not None:
            return self._json(
                handler,
                int(self.fail_with),
                {"error": {"message": "Fake outage", "type": "api_error"}},
            )
        key = handler.headers.get("Idempotency-Key")
        if method == "POST" and key in self._idempotent:
            return self._json(handler, 200, self._idempotent[key])
        status, answer = self._api(method, path, body)
        if method == "POST" and key and status == 200:
            self._idempotent[key] = answer
        self._json(handler, status, answer)

    def _api(self, method, path, body):
        if method == "POST" and path == "/v1/checkout/sessions":
            return 200, self._create_session(body)
        if method == "GET" and path == "/v1/checkout/sessions":
            return 200, self._list(self.sessions.values(), body)
        if method == "GET" and path == "/v1/refunds":
            wanted = body.get("payment_intent")
            refunds = [r for r in self.refunds if wanted in (None, r["payment_intent"])]
            return 200, self._list(refunds, body)
        match = re.fullmatch(r"/v1/payment_intents/(\w+)", path)
        if method == "GET" and match:
            return self._payment_intent(match[1])
        match = re.fullmatch(r"/v1/checkout/sessions/(\w+)(/expire)?", path)
        if match and match[1] in self.sessions:
            session = self.sessions[match[1]]
            if match[2] and session["status"] != "open":
                return 400, {
                    "error": {
                        "message": "Only open sessions expire",
                        "type": "invalid_request_error",
                    }
                }
            if match[2]:
                session["status"] = "expired"
            return 200, session
        if method == "POST" and path == "/v1/refunds":
            refund = {
                "id": f"re_{secrets.token_hex(8)}",
                "object": "refund",
                "status": "succeeded",
                "amount": int(body["amount"]),
                "payment_intent": body["payment_intent"],
                "metadata": body.get("metadata", {}),
                "created": int(time.time()),
            }
            self.refunds.append(refund)
            return 200, refund
        return 404, {
            "error": {"message": f"No such resource: {path}", "type": "invalid_request_error"}
        }

    @staticmethod
    def _list(objects, params):
        """One page of a Stripe list: newest first, with `created[gte]` honoured."""
        since = int((params.get("created") or {}).get("gte", 0))
        chosen = [o for o in objects if o.get("created", 0) >= since]
        return {
            "object": "list",
            "url": "/v1/list",
            "has_more": False,
            "data": sorted(chosen, key=lambda o: o.get("created", 0), reverse=True),
        }

    def _payment_intent(self, intent_id):
        paid = [
            s
            for s in self.sessions.values()
            if s["payment_intent"] == intent_id and s["status"] == "complete"
        ]
        if not paid:
            return 404, {
                "error": {"message": "No such payment_intent", "type": "invalid_request_error"}
            }
        return 200, {
            "id": intent_id,
            "object": "payment_intent",
            "amount_received": paid[0]["amount_total"],
            "currency": paid[0]["currency"],
            "status": "succeeded",
        }

    def _create_session(self, body):
        session_id = f"cs_test_{secrets.token_hex(12)}"
        lines = body.get("line_items", [])
        shipping = body.get("shipping_options", [{}])[0].get("shipping_rate_data", {})
        amount = sum(
            int(line["quantity"]) * int(line["price_data"]["unit_amount"]) for line in lines
        )
        amount += int(shipping.get("fixed_amount", {}).get("amount", 0))
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": body.get("mode"),
            "url": f"{self.url}/pay/{session_id}",
            "status": "open",
            "payment_status": "unpaid",
            "created": int(time.time()),
            "amount_total": amount,
            "currency": lines[0]["price_data"]["currency"] if lines else "gbp",
            "client_reference_id": body.get("client_reference_id"),
            "customer_email": body.get("customer_email"),
            "metadata": body.get("metadata", {}),
            "success_url": body.get("success_url"),
            "cancel_url": body.get("cancel_url"),
            "expires_at": int(body.get("expires_at", 0)),
            "payment_intent": None,
            "line_items": lines,
            "shipping_options": body.get("shipping_options", []),
        }
        self.sessions[session_id] = session
        return session

    def _hosted_page(self, handler, method, session_id):
        session = self.sessions.get(session_id)
        if session is None:
            return self._html(handler, 404, "<h1>No such session</h1>")
        if method == "POST":
            self.pay(session_id)
            if self.webhook_url:
                self.deliver("checkout.session.completed", self.sessions[session_id])
            handler.send_response(303)
            handler.send_header("Location", session["success_url"])
            handler.end_headers()
            return None
        amount = session["amount_total"] / 100
        return self._html(
            handler,
            200,
            f"""<!doctype html><html lang="en"><head><title>Fake Stripe Checkout</title></head>
<body><main><h1>Fake Stripe Checkout</h1><p>Pay {amount:.2f} {session["currency"].upper()}</p>
<form method="post"><button type="submit">Pay</button></form>
<p><a href="{session["cancel_url"]}">Back</a></p></main></body></html>""",
        )

    @staticmethod
    def _json(handler, status, data):
        payload = json.dumps(data).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(payload)))
        handler.send_header("Request-Id", f"req_{secrets.token_hex(6)}")
        handler.end_headers()
        handler.wfile.write(payload)

    @staticmethod
    def _html(handler, status, html):
        payload = html.encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)
