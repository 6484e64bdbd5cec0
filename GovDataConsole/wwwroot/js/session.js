// Idle watcher: signs the user out after the configured idle time and keeps the sliding cookie alive while active.
window.govSession = (() => {
    let timer = null;
    return {
        start(idleMs, keepAliveMs) {
            if (timer) return;
            let lastActivity = Date.now();
            let lastPing = Date.now();
            const touch = () => { lastActivity = Date.now(); };
            ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'].forEach(e =>
                document.addEventListener(e, touch, { passive: true }));
            timer = setInterval(() => {
                const now = Date.now();
                if (now - lastActivity >= idleMs) {
                    clearInterval(timer);
                    const form = document.getElementById('logout-form');
                    if (form) { form.elements['reason'].value = 'idle'; form.submit(); }
                    return;
                }
                if (lastActivity > lastPing && now - lastPing >= keepAliveMs) {
                    lastPing = now;
                    fetch('account/keepalive', { credentials: 'same-origin' });
                }
            }, Math.min(15000, idleMs / 4));
        }
    };
})();

// Saves a file streamed from .NET (DotNetStreamReference) through a temporary object URL.
window.govDownload = async (fileName, streamRef) => {
    const buffer = await streamRef.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer]));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName ?? '';
    anchor.click();
    anchor.remove();
    URL.revokeObjectURL(url);
};
