#!/usr/bin/python3
# The browser e2e/engines/webkit.ts asks WebKitWebDriver to launch: a bare WebKitGTK window that
# accepts automation, like `MiniBrowser --automation`, but whose website data lives on disk.
# MiniBrowser's automation session is ephemeral, and an ephemeral WebKit session refuses Blobs in
# IndexedDB, where the app keeps every imported file.
# /usr/bin/python3 on purpose: only the system Python has `gi` (Debian: python3-gi gir1.2-webkit2-4.1).
# Args: --data-dir=DIR, a directory for this launch only (default: a fresh temp dir), removed when
# the last window closes; other args (--automation) are accepted and ignored.
import os, shutil, sys, tempfile
import gi
gi.require_version('Gtk', '3.0')
gi.require_version('WebKit2', '4.1')
from gi.repository import Gtk, WebKit2

data_dir = next((a.split('=', 1)[1] for a in sys.argv[1:] if a.startswith('--data-dir=')), None) \
    or tempfile.mkdtemp(prefix='wkbrowser-')
manager = WebKit2.WebsiteDataManager(base_data_directory=os.path.join(data_dir, 'data'),
                                     base_cache_directory=os.path.join(data_dir, 'cache'))
context = WebKit2.WebContext(website_data_manager=manager)
context.set_automation_allowed(True)
windows = []


def window_closed(win):
    windows.remove(win)
    if not windows:  # WebDriver ends the session with its last window: so does this browser
        Gtk.main_quit()


def create_web_view(session):
    view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
    win = Gtk.Window()
    win.set_default_size(1280, 900)  # e2e/engines/driver.ts VIEWPORT
    win.add(view)
    view.connect('close', lambda _view: win.destroy())
    win.connect('destroy', window_closed)
    windows.append(win)
    win.show_all()
    return view


def automation_started(_context, session):
    # WebKitWebDriver matches the session's browserName against this name.
    info = WebKit2.ApplicationInfo.new()
    info.set_name('wkbrowser')
    info.set_version(WebKit2.get_major_version(), WebKit2.get_minor_version(), WebKit2.get_micro_version())
    session.set_application_info(info)
    session.connect('create-web-view', create_web_view)


context.connect('automation-started', automation_started)
try:
    Gtk.main()
finally:
    shutil.rmtree(data_dir, ignore_errors=True)
