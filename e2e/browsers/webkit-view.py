"""
A WebKitGTK web view whose website data is kept on disk (in the directory given), as Safari keeps a
profile's, driven over stdin and stdout by e2e/browsers/webkit-view.ts: one JSON request a line, one JSON
answer a line. WebKitWebDriver's sessions are ephemeral (as Safari's private windows are), so storage that
outlives a reload is tested here. Needs Debian's python3-gi, gir1.2-gtk-3.0 and gir1.2-webkit2-4.1, under Xvfb.

Requests: {"op": "load", "url"}, {"op": "run", "script"} (an async function's body that returns JSON text,
sent back parsed), {"op": "files", "paths"} (what the page's next file chooser gets), {"op": "quit"}.
Downloads are saved in the directory's downloads/, under the names the page gives them.
"""
import json
import os
import sys
import threading

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

data_dir, features = sys.argv[1], set(sys.argv[2].split(","))
downloads = f"{data_dir}/downloads"
os.makedirs(downloads, exist_ok=True)
manager = WebKit2.WebsiteDataManager(base_data_directory=f"{data_dir}/data", base_cache_directory=f"{data_dir}/cache")
view = WebKit2.WebView.new_with_context(WebKit2.WebContext.new_with_website_data_manager(manager))
settings = view.get_settings()
all_features = WebKit2.Settings.get_all_features()
for i in range(all_features.get_length()):
    feature = all_features.get(i)
    if feature.get_identifier() in features:
        settings.set_feature_enabled(feature, True)
# What each page throws, rejects without a handler, or has refused by its CSP, kept for the test to read.
view.get_user_content_manager().add_script(
    WebKit2.UserScript.new(
        """window.stagesPageErrors = [];
        addEventListener("error", (e) => stagesPageErrors.push(String(e.message)));
        addEventListener("unhandledrejection", (e) => stagesPageErrors.push(String(e.reason?.message ?? e.reason)));
        addEventListener("securitypolicyviolation", (e) => stagesPageErrors.push(`CSP refused ${e.blockedURI} (${e.violatedDirective})`));""",
        WebKit2.UserContentInjectedFrames.TOP_FRAME,
        WebKit2.UserScriptInjectionTime.START,
        None,
        None,
    )
)
window = Gtk.Window()
window.set_default_size(1280, 900)
window.add(view)
window.show_all()

chosen = []


def on_file_chooser(_view, request):
    request.select_files(chosen) if chosen else request.cancel()
    return True


view.connect("run-file-chooser", on_file_chooser)


def on_download(_context, download):
    def decide(d, suggested):
        d.set_destination(f"file://{downloads}/{suggested}")
        return True

    download.connect("decide-destination", decide)


view.get_context().connect("download-started", on_download)

# A load is answered once it has finished (its page replaced), not when it is asked for.
loading = []


def on_load_changed(_view, event):
    if event == WebKit2.LoadEvent.FINISHED and loading:
        answer(loading.pop(), value=None)


view.connect("load-changed", on_load_changed)


def answer(ident, **fields):
    sys.stdout.write(json.dumps({"id": ident, **fields}) + "\n")
    sys.stdout.flush()


def handle(request):
    ident, op = request["id"], request["op"]
    if op == "load":
        loading.append(ident)
        view.load_uri(request["url"])
    elif op == "files":
        chosen[:] = request["paths"]
        answer(ident, value=None)
    elif op == "run":
        def done(_view, result):
            try:
                answer(ident, value=json.loads(view.call_async_javascript_function_finish(result).to_string()))
            except GLib.Error as error:
                answer(ident, error=error.message)

        view.call_async_javascript_function(request["script"], -1, None, None, None, None, done)
    elif op == "quit":
        answer(ident, value=None)
        Gtk.main_quit()
    return False


def read_requests():
    for line in sys.stdin:
        GLib.idle_add(handle, json.loads(line))
    GLib.idle_add(Gtk.main_quit)


answer(0, value=f"{WebKit2.get_major_version()}.{WebKit2.get_minor_version()}.{WebKit2.get_micro_version()}")
threading.Thread(target=read_requests, daemon=True).start()
Gtk.main()
