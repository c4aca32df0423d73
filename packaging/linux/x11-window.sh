# Shell functions for the Linux packaging scripts that start Reelwatch under X (smoke test, CDS training,
# launcher benchmark). Source it: `. packaging/linux/x11-window.sh`. Needs xdotool and python3 (with libX11).

# x11_wait_window PID CLASS TIMEOUT_SECONDS: prints the id of the first visible window whose WM_CLASS equals
# CLASS, polling every 0.1 s; returns 1 when PID exits first, 2 on timeout.
x11_wait_window() {
  local pid="$1" class_regex deadline wid
  class_regex="^$(printf '%s' "$2" | sed 's/[].[^$*+?(){}|\\]/\\&/g')\$"
  deadline=$((SECONDS + $3))
  while :; do
    kill -0 "$pid" 2>/dev/null || return 1
    wid="$(xdotool search --onlyvisible --class "$class_regex" 2>/dev/null | head -n 1 || true)"
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    [ "$SECONDS" -ge "$deadline" ] && return 2
    sleep 0.1
  done
}

# x11_close_window WID: sends WM_DELETE_WINDOW, as a window manager's close button does (xdotool 3.2016's
# windowclose destroys the window instead, and a bare Xvfb has no window manager to honour wmctrl -c).
x11_close_window() {
  python3 - "$1" <<'PY'
import ctypes, sys
x = ctypes.CDLL("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]

class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5), ("pad", ctypes.c_long * 16)]

display = x.XOpenDisplay(None)
if not display:
    sys.exit("cannot open display")
window = int(sys.argv[1])
event = ClientMessage(type=33, send_event=1, display=display, window=window,
                      message_type=x.XInternAtom(display, b"WM_PROTOCOLS", 0), format=32)
event.data[0] = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
if not x.XSendEvent(display, window, 0, 0, ctypes.byref(event)):
    sys.exit("XSendEvent failed")
x.XFlush(display)
PY
}

# x11_wait_exit PID SECONDS: waits for PID to end; returns 0 when it did (its status is in X11_STATUS), 1 if not.
x11_wait_exit() {
  local pid="$1" i
  for i in $(seq $(($2 * 10))); do
    kill -0 "$pid" 2>/dev/null || { X11_STATUS=0; wait "$pid" 2>/dev/null || X11_STATUS=$?; return 0; }
    sleep 0.1
  done
  return 1
}
