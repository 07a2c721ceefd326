/*
 * Tact's public form: before the form is sent, find a nonce such that SHA-256(challenge + nonce) starts with the
 * number of zero bits the page asks (data-bits), so that sending many messages costs a sender real work. No third
 * party: the hash is computed here (SHA-256 as in FIPS 180-4), in small slices so the page stays responsive.
 */
(function () {
  'use strict';

  function firstPrimes(n) {
    var found = [];
    for (var c = 2; found.length < n; c++) {
      var prime = true;
      for (var i = 0; i < found.length && found[i] * found[i] <= c; i++) {
        if (c % found[i] === 0) { prime = false; break; }
      }
      if (prime) { found.push(c); }
    }
    return found;
  }

  // The constants of SHA-256: fractional parts of the cube roots (K) and square roots (H0) of the first primes.
  var PRIMES = firstPrimes(64);
  var K = new Uint32Array(64);
  var H0 = new Uint32Array(8);
  for (var p = 0; p < 64; p++) {
    K[p] = ((Math.cbrt(PRIMES[p]) % 1) * 4294967296) >>> 0;
    if (p < 8) { H0[p] = ((Math.sqrt(PRIMES[p]) % 1) * 4294967296) >>> 0; }
  }
  var W = new Uint32Array(64);

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  /** SHA-256 of these bytes (numbers 0-255), as eight 32-bit words. */
  function sha256(bytes) {
    var length = bytes.length;
    var total = ((length + 9 + 63) >> 6) << 6;
    var m = new Uint8Array(total);
    m.set(bytes);
    m[length] = 0x80;
    var bits = length * 8;
    var high = Math.floor(bits / 4294967296);
    var low = bits >>> 0;
    m[total - 8] = high >>> 24; m[total - 7] = (high >>> 16) & 255; m[total - 6] = (high >>> 8) & 255; m[total - 5] = high & 255;
    m[total - 4] = low >>> 24; m[total - 3] = (low >>> 16) & 255; m[total - 2] = (low >>> 8) & 255; m[total - 1] = low & 255;
    var h = new Uint32Array(H0);
    for (var off = 0; off < total; off += 64) {
      var t;
      for (t = 0; t < 16; t++) {
        W[t] = ((m[off + 4 * t] << 24) | (m[off + 4 * t + 1] << 16) | (m[off + 4 * t + 2] << 8) | m[off + 4 * t + 3]) >>> 0;
      }
      for (t = 16; t < 64; t++) {
        var x = W[t - 15];
        var y = W[t - 2];
        var s0 = rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3);
        var s1 = rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
      for (t = 0; t < 64; t++) {
        var t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) >>> 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
        k = g; g = f; f = e; e = (d + t1) >>> 0; d = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      h[0] = h[0] + a; h[1] = h[1] + b; h[2] = h[2] + c; h[3] = h[3] + d;
      h[4] = h[4] + e; h[5] = h[5] + f; h[6] = h[6] + g; h[7] = h[7] + k;
    }
    return h;
  }

  function zeroBits(h) {
    return h[0] === 0 ? 32 + Math.clz32(h[1]) : Math.clz32(h[0]);
  }

  function ascii(text) {
    var out = new Array(text.length);
    for (var i = 0; i < text.length; i++) { out[i] = text.charCodeAt(i) & 255; }
    return out;
  }

  /** Calls done(nonce) once a nonce is found, hashing a slice at a time. */
  function solve(challenge, bits, done) {
    var prefix = ascii(challenge);
    var nonce = 0;
    function slice() {
      for (var i = 0; i < 4000; i++, nonce++) {
        if (zeroBits(sha256(prefix.concat(ascii(String(nonce))))) >= bits) {
          done(String(nonce));
          return;
        }
      }
      setTimeout(slice, 0);
    }
    slice();
  }

  window.TactWebForm = { sha256: sha256, solve: solve };

  function start() {
    var form = document.getElementById('webform');
    if (!form) { return; }
    var status = document.getElementById('wf-status');
    var button = document.getElementById('wf-send');
    var opened = Date.now();
    var minMillis = Math.ceil(parseFloat(form.getAttribute('data-min-seconds') || '0') * 1000) + 250;
    var nonce = null;
    var waiting = null;
    solve(form.getAttribute('data-challenge'), parseInt(form.getAttribute('data-bits'), 10), function (found) {
      nonce = found;
      form.elements.nonce.value = found;
      form.setAttribute('data-solved', 'yes');
      if (waiting) { waiting(); }
    });

    function tooLarge() {
      var input = form.elements.files;
      if (!input || !input.files) { return null; }
      var max = parseInt(form.getAttribute('data-max-file-bytes'), 10);
      var count = parseInt(form.getAttribute('data-max-files'), 10);
      if (input.files.length > count) { return 'Attach at most ' + count + ' files.'; }
      for (var i = 0; i < input.files.length; i++) {
        if (input.files[i].size > max) {
          return '\u2018' + input.files[i].name + '\u2019 is too large: this form takes files up to '
              + (max / 1048576).toFixed(1) + ' MB each.';
        }
      }
      return null;
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var problem = tooLarge();
      if (problem) {
        status.textContent = problem;
        status.className = 'status problem';
        return;
      }
      button.disabled = true;
      status.className = 'status';
      status.textContent = 'Sending…';
      function send() {
        var wait = opened + minMillis - Date.now();
        if (wait > 0) { setTimeout(send, wait); return; }
        form.submit();
      }
      if (nonce !== null) { send(); } else { waiting = send; }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
