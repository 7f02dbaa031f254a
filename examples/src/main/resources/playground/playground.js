// The Optim playground: the article's two figures. Every number drawn here comes from the
// server's JSON API (the library); this file only draws and animates. Vanilla JS, no libraries.
"use strict";

(function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const COLOURS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
    "#1f78b4"];
  const FAR = 1e4; // the article does not draw points beyond ±1e4
  const ANIMATION_MS = 1500;

  const state = {
    catalogue: null,
    f1: { size: 300, seed: 1, lr: 0.01, batch: 1, steps: 300, init: null, data: null, run: null },
    f2: { landscape: "himmelblau", start: [0, 0], steps: 200, rows: [], surface: null,
      runs: null }
  };

  // ---- small helpers

  function $(id) { return document.getElementById(id); }

  function el(name, attrs, parent) {
    const e = document.createElementNS(SVGNS, name);
    for (const k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function html(name, attrs, parent, text) {
    const e = document.createElement(name);
    for (const k in attrs || {}) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function fmt(v) {
    if (v === null || v === undefined || !isFinite(v)) { return "—"; }
    const a = Math.abs(v);
    if (a !== 0 && (a < 1e-3 || a >= 1e5)) { return v.toExponential(3); }
    return (Math.round(v * 10000) / 10000).toString();
  }

  function status(text, error) {
    const s = $("status");
    s.textContent = text;
    s.className = "status" + (error ? " error" : "");
  }

  async function api(route, body) {
    const init = body === undefined ? { method: "GET" }
      : { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body) };
    const r = await fetch(route, init);
    const j = await r.json();
    if (!r.ok) {
      throw new Error((j.field ? j.field + ": " : "") + j.error);
    }
    return j;
  }

  // ---- plots: a box with linear or log axes, drawn in SVG

  function plot(svg, opts) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    const W = +svg.getAttribute("width");
    const H = +svg.getAttribute("height");
    const m = { l: 52, r: 10, t: 8, b: 32 };
    const p = {
      svg: svg, left: m.l, top: m.t, width: W - m.l - m.r, height: H - m.t - m.b,
      xLo: opts.xLo, xHi: opts.xHi, yLo: opts.yLo, yHi: opts.yHi, yLog: !!opts.yLog
    };
    const fy = v => p.yLog ? Math.log10(v) : v;
    p.px = x => p.left + (x - p.xLo) / (p.xHi - p.xLo) * p.width;
    p.py = y => p.top + (fy(p.yHi) - fy(y)) / (fy(p.yHi) - fy(p.yLo)) * p.height;
    p.fromPx = (sx, sy) => [p.xLo + (sx - p.left) / p.width * (p.xHi - p.xLo),
      p.yHi - (sy - p.top) / p.height * (p.yHi - p.yLo)];
    for (const [k, v] of [["left", p.left], ["top", p.top], ["width", p.width],
      ["height", p.height], ["x-lo", p.xLo], ["x-hi", p.xHi], ["y-lo", p.yLo],
      ["y-hi", p.yHi], ["y-log", p.yLog]]) {
      svg.setAttribute("data-plot-" + k, String(v));
    }
    const id = svg.id + "-clip";
    const defs = el("defs", {}, svg);
    const cp = el("clipPath", { id: id }, defs);
    el("rect", { x: p.left, y: p.top, width: p.width, height: p.height }, cp);
    p.back = el("g", { "clip-path": "url(#" + id + ")" }, svg);
    p.layer = el("g", { "clip-path": "url(#" + id + ")" }, svg);
    p.front = el("g", {}, svg);
    axes(p, opts);
    return p;
  }

  function ticks(lo, hi, n) {
    const span = hi - lo;
    if (!(span > 0)) { return [lo]; }
    const step0 = Math.pow(10, Math.floor(Math.log10(span / n)));
    const step = [1, 2, 5, 10].map(f => f * step0).find(s => span / s <= n) || step0 * 10;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
      out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return out;
  }

  function axes(p, opts) {
    const g = el("g", { class: "axis" }, p.svg);
    el("rect", { x: p.left, y: p.top, width: p.width, height: p.height, fill: "none",
      stroke: "#888" }, g);
    for (const v of ticks(p.xLo, p.xHi, 6)) {
      const x = p.px(v);
      el("line", { x1: x, x2: x, y1: p.top + p.height, y2: p.top + p.height + 4 }, g);
      const t = el("text", { x: x, y: p.top + p.height + 15, "text-anchor": "middle" }, g);
      t.textContent = fmt(v);
    }
    let yt;
    if (p.yLog) {
      yt = [];
      const e0 = Math.ceil(Math.log10(p.yLo));
      const e1 = Math.floor(Math.log10(p.yHi));
      const every = Math.max(1, Math.ceil((e1 - e0 + 1) / 6));
      for (let e = e0; e <= e1; e += every) { yt.push(Math.pow(10, e)); }
    } else {
      yt = ticks(p.yLo, p.yHi, 5);
    }
    for (const v of yt) {
      const y = p.py(v);
      el("line", { x1: p.left - 4, x2: p.left, y1: y, y2: y }, g);
      const t = el("text", { x: p.left - 6, y: y + 4, "text-anchor": "end" }, g);
      t.textContent = p.yLog ? "1e" + Math.round(Math.log10(v)) : fmt(v);
    }
    if (opts.xLabel) {
      const t = el("text", { x: p.left + p.width / 2, y: p.top + p.height + 28,
        "text-anchor": "middle" }, g);
      t.textContent = opts.xLabel;
    }
    if (opts.yLabel) {
      const t = el("text", { x: 12, y: p.top + p.height / 2, "text-anchor": "middle",
        transform: "rotate(-90 12 " + (p.top + p.height / 2) + ")" }, g);
      t.textContent = opts.yLabel;
    }
  }

  // ---- the loss surface: filled log-spaced contour bands, darker is higher

  function bandColour(t) {
    // light cream (low) → orange → dark purple (high)
    const stops = [[255, 250, 230], [250, 200, 120], [220, 110, 70], [140, 45, 90], [45, 15, 60]];
    const x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(x));
    const f = x - i;
    return stops[i].map((c, k) => Math.round(c + (stops[i + 1][k] - c) * f));
  }

  function band(levels, v) {
    let lo = 0;
    let hi = levels.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (levels[mid] < v) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  function drawSurface(svg, s, labels) {
    const p = plot(svg, { xLo: s.xLo, xHi: s.xHi, yLo: s.yLo, yHi: s.yHi, xLabel: labels[0],
      yLabel: labels[1] });
    const nx = s.nx;
    const ny = s.ny;
    const c = document.createElement("canvas");
    c.width = nx;
    c.height = ny;
    const ctx = c.getContext("2d");
    const img = ctx.createImageData(nx, ny);
    const L = s.levels.length;
    const bands = new Int32Array(nx * ny);
    for (let j = 0; j < ny; j++) {
      const row = s.values[j];
      for (let i = 0; i < nx; i++) {
        const v = row[i];
        bands[j * nx + i] = v === null ? L : band(s.levels, v);
      }
    }
    for (let r = 0; r < ny; r++) {
      const j = ny - 1 - r; // image rows run top-down, y runs bottom-up
      for (let i = 0; i < nx; i++) {
        const b = bands[j * nx + i];
        let rgb = b >= L ? [60, 60, 60] : bandColour(b / (L - 1));
        const edge = (i + 1 < nx && bands[j * nx + i + 1] !== b)
          || (j + 1 < ny && bands[(j + 1) * nx + i] !== b);
        if (edge) { rgb = rgb.map(v => Math.round(v * 0.72)); }
        const o = (r * nx + i) * 4;
        img.data[o] = rgb[0];
        img.data[o + 1] = rgb[1];
        img.data[o + 2] = rgb[2];
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    const dx = (s.xHi - s.xLo) / (nx - 1);
    const dy = (s.yHi - s.yLo) / (ny - 1);
    const x0 = p.px(s.xLo - dx / 2);
    const y0 = p.py(s.yHi + dy / 2);
    el("image", { href: c.toDataURL("image/png"), x: x0, y: y0,
      width: p.px(s.xHi + dx / 2) - x0, height: p.py(s.yLo - dy / 2) - y0,
      preserveAspectRatio: "none", "image-rendering": "pixelated" }, p.back);
    return p;
  }

  // ---- a dot the user drags

  function draggable(p, xy, colour, id, onMove, onDrop) {
    const dot = el("circle", { cx: p.px(xy[0]), cy: p.py(xy[1]), r: 7, fill: colour,
      stroke: "#fff", "stroke-width": 2, class: "handle", id: id,
      "data-x": xy[0], "data-y": xy[1] }, p.front);
    let dragging = false;
    const where = ev => {
      const r = p.svg.getBoundingClientRect();
      const sx = Math.max(p.left, Math.min(p.left + p.width, ev.clientX - r.left));
      const sy = Math.max(p.top, Math.min(p.top + p.height, ev.clientY - r.top));
      return p.fromPx(sx, sy);
    };
    dot.addEventListener("pointerdown", ev => {
      dragging = true;
      dot.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    dot.addEventListener("pointermove", ev => {
      if (!dragging) { return; }
      const q = where(ev);
      dot.setAttribute("cx", p.px(q[0]));
      dot.setAttribute("cy", p.py(q[1]));
      dot.setAttribute("data-x", q[0]);
      dot.setAttribute("data-y", q[1]);
      onMove(q);
    });
    const end = ev => {
      if (!dragging) { return; }
      dragging = false;
      onDrop(where(ev));
    };
    dot.addEventListener("pointerup", end);
    dot.addEventListener("pointercancel", end);
    return dot;
  }

  // ---- trajectories: the drawable prefix of a run, and its animation

  function drawable(rows, ix, iy) {
    // the article does not draw points beyond ±1e4 or non-finite: the path stops before them
    const pts = [];
    for (const r of rows) {
      const x = r[ix];
      const y = r[iy];
      if (x === null || y === null || !isFinite(x) || !isFinite(y)
        || Math.abs(x) > FAR || Math.abs(y) > FAR) { break; }
      pts.push([x, y]);
    }
    return pts;
  }

  function animate(frames, draw, done) {
    const t0 = performance.now();
    function tick(now) {
      const f = Math.min(1, (now - t0) / ANIMATION_MS);
      draw(Math.max(1, Math.round(f * frames)));
      if (f < 1) { requestAnimationFrame(tick); } else { done(); }
    }
    requestAnimationFrame(tick);
  }

  function polyline(p, pts, n, colour, attrs) {
    const a = Object.assign({ fill: "none", stroke: colour, "stroke-width": 2,
      "stroke-linejoin": "round" }, attrs || {});
    const line = el("polyline", a, p.layer);
    setPoints(p, line, pts, n);
    return line;
  }

  function setPoints(p, line, pts, n) {
    const s = [];
    for (let k = 0; k < Math.min(n, pts.length); k++) {
      s.push(p.px(pts[k][0]).toFixed(2) + "," + p.py(pts[k][1]).toFixed(2));
    }
    line.setAttribute("points", s.join(" "));
  }

  function cross(p, x, y, colour, layer) {
    const g = el("g", { class: "diverged-mark" }, layer || p.front);
    const sx = p.px(x);
    const sy = p.py(y);
    el("line", { x1: sx - 6, y1: sy - 6, x2: sx + 6, y2: sy + 6, stroke: colour,
      "stroke-width": 3 }, g);
    el("line", { x1: sx - 6, y1: sy + 6, x2: sx + 6, y2: sy - 6, stroke: colour,
      "stroke-width": 3 }, g);
    return g;
  }

  function lossRange(runs) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const run of runs) {
      for (const r of run.rows) {
        const v = r[1];
        if (v !== null && isFinite(v) && Math.abs(v) < 1e12) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!isFinite(lo)) { lo = 0; hi = 1; }
    const log = lo > 0 && hi / lo > 20;
    if (hi === lo) { hi = lo + 1; }
    return log ? { lo: lo / 1.5, hi: hi * 1.5, log: true }
      : { lo: lo - 0.05 * (hi - lo), hi: hi + 0.05 * (hi - lo), log: false };
  }

  // ---- Figure 1

  function choiceButtons(container, values, label, current, onPick) {
    container.textContent = "";
    for (const v of values) {
      const b = html("button", { type: "button", "data-value": String(v) }, container, label(v));
      if (String(v) === String(current)) { b.classList.add("on"); }
      b.addEventListener("click", () => {
        for (const o of container.children) { o.classList.remove("on"); }
        b.classList.add("on");
        onPick(v);
      });
    }
  }

  function setupFigure1() {
    const reg = state.catalogue.regression;
    choiceButtons($("f1-size"), reg.sizes, v => String(v), state.f1.size, v => {
      state.f1.size = v;
      state.f1.init = null;
      loadRegression();
    });
    choiceButtons($("f1-lr"), reg.learningRates, v => String(v), state.f1.lr, v => {
      state.f1.lr = v;
      updateHash();
    });
    choiceButtons($("f1-batch"), reg.batchSizes, v => v === "all" ? "whole set" : String(v),
      state.f1.batch, v => { state.f1.batch = v; updateHash(); });
    $("f1-seed").value = state.f1.seed;
    $("f1-steps").value = state.f1.steps;
    $("f1-seed").addEventListener("change", () => {
      state.f1.seed = Math.max(0, Math.floor(+$("f1-seed").value || 0));
      state.f1.init = null;
      loadRegression();
    });
    $("f1-resample").addEventListener("click", () => {
      state.f1.seed += 1;
      $("f1-seed").value = state.f1.seed;
      state.f1.init = null;
      loadRegression();
    });
    $("f1-steps").addEventListener("change", () => {
      state.f1.steps = Math.max(0, Math.floor(+$("f1-steps").value || 0));
      updateHash();
    });
    $("f1-train").addEventListener("click", train);
  }

  async function loadRegression() {
    status("Sampling " + state.f1.size + " points…");
    try {
      const d = await api("/api/regression/data", { points: state.f1.size, seed: state.f1.seed });
      state.f1.data = d;
      if (!state.f1.init) { state.f1.init = d.init.slice(); }
      state.f1.run = null;
      drawFigure1();
      updateHash();
      status("Ready.");
    } catch (e) {
      status(e.message, true);
    }
  }

  function drawFigure1() {
    const d = state.f1.data;
    const p = drawSurface($("f1-surface"), d.surface, ["slope", "intercept"]);
    state.f1.surfacePlot = p;
    el("circle", { cx: p.px(d.truth[0]), cy: p.py(d.truth[1]), r: 7, fill: "#1f77b4",
      stroke: "#fff", "stroke-width": 2, id: "f1-truth" }, p.front);
    state.f1.handle = draggable(p, state.f1.init, "#d62728", "f1-init", q => {
      state.f1.init = q;
      readoutInit();
    }, q => {
      state.f1.init = q;
      readoutInit();
      clearFigure1Run();
      updateHash();
    });
    readoutInit();
    drawData(null);
    drawCost(null, 0);
    $("f1-result").textContent = "truth: slope " + fmt(d.truth[0]) + ", intercept "
      + fmt(d.truth[1]) + ", cost " + fmt(d.truthLoss) + "; least squares: cost "
      + fmt(d.leastSquaresLoss) + "; GD is stable for learning rates below "
      + fmt(d.stabilityLimit) + " (full batch).";
  }

  function readoutInit() {
    const i = state.f1.init;
    $("f1-init-readout").textContent = "slope " + fmt(i[0]) + ", intercept " + fmt(i[1]);
  }

  function clearFigure1Run() {
    const p = state.f1.surfacePlot;
    for (const n of p.layer.querySelectorAll("polyline")) { n.remove(); }
    for (const n of p.front.querySelectorAll(".diverged-mark")) { n.remove(); }
    state.f1.run = null;
    drawData(null);
    drawCost(null, 0);
  }

  function drawData(line) {
    const d = state.f1.data;
    let xlo = Math.min(...d.x);
    let xhi = Math.max(...d.x);
    let ylo = Math.min(...d.y);
    let yhi = Math.max(...d.y);
    const px = 0.05 * (xhi - xlo);
    const py = 0.05 * (yhi - ylo);
    const p = plot($("f1-data"), { xLo: xlo - px, xHi: xhi + px, yLo: ylo - py, yHi: yhi + py,
      xLabel: "x", yLabel: "y" });
    const g = el("g", {}, p.layer);
    for (let i = 0; i < d.x.length; i++) {
      el("circle", { cx: p.px(d.x[i]), cy: p.py(d.y[i]), r: 2.2, fill: "#777",
        "fill-opacity": 0.7 }, g);
    }
    const seg = (w, b, colour, id, dash) => el("line", { x1: p.px(p.xLo), y1: p.py(w * p.xLo + b),
      x2: p.px(p.xHi), y2: p.py(w * p.xHi + b), stroke: colour, "stroke-width": 2.5, id: id,
      "stroke-dasharray": dash || "none" }, p.layer);
    seg(d.truth[0], d.truth[1], "#1f77b4", "f1-truth-line", "6 4");
    if (line) { seg(line[0], line[1], "#d62728", "f1-fit-line"); }
  }

  function drawCost(run, n) {
    const steps = Math.max(1, state.f1.steps);
    const range = run ? lossRange([run]) : { lo: 1, hi: 100, log: true };
    const p = plot($("f1-cost"), { xLo: 0, xHi: run ? Math.max(1, run.rows.length - 1) : steps,
      yLo: range.lo, yHi: range.hi, yLog: range.log, xLabel: "step", yLabel: "cost" });
    if (!run) { return p; }
    const pts = run.rows.filter(r => r[1] !== null && isFinite(r[1])).map(r => [r[0], r[1]]);
    const line = polyline(p, pts, n, "#d62728", { id: "f1-cost-line" });
    line.setAttribute("data-count", String(Math.min(n, pts.length)));
    if (state.f1.data.truthLoss > range.lo && state.f1.data.truthLoss < range.hi) {
      const y = p.py(state.f1.data.truthLoss);
      el("line", { x1: p.left, x2: p.left + p.width, y1: y, y2: y, stroke: "#1f77b4",
        "stroke-dasharray": "6 4" }, p.layer);
    }
    return p;
  }

  async function train() {
    const btn = $("f1-train");
    btn.disabled = true;
    status("Training…");
    const svg = $("f1-surface");
    svg.setAttribute("data-done", "false");
    try {
      const req = { points: state.f1.size, seed: state.f1.seed, init: state.f1.init,
        steps: state.f1.steps,
        // a batch larger than the set is the whole set (24 of 20 points)
        batch: state.f1.batch === "all" || state.f1.batch >= state.f1.size ? "all"
          : state.f1.batch,
        optimizer: { optimizer: "sgd", lr: state.f1.lr } };
      const run = await api("/api/regression/train", req);
      state.f1.run = run;
      clearFigure1Run();
      state.f1.run = run;
      const p = state.f1.surfacePlot;
      const pts = drawable(run.rows, 3, 4);
      const path = polyline(p, pts, 1, "#d62728", { id: "f1-path" });
      path.setAttribute("data-reason", run.reason);
      animate(pts.length, n => {
        setPoints(p, path, pts, n);
        const last = pts[Math.min(n, pts.length) - 1];
        state.f1.handle.setAttribute("cx", p.px(last[0]));
        state.f1.handle.setAttribute("cy", p.py(last[1]));
        drawData(last);
        drawCost(run, n);
      }, () => {
        setPoints(p, path, pts, pts.length);
        const last = pts[pts.length - 1];
        path.setAttribute("data-last-x", String(last[0]));
        path.setAttribute("data-last-y", String(last[1]));
        // the red dot returns to the initialisation; the path shows where the descent went
        state.f1.handle.setAttribute("cx", p.px(state.f1.init[0]));
        state.f1.handle.setAttribute("cy", p.py(state.f1.init[1]));
        drawData(last);
        drawCost(run, run.rows.length);
        let text = run.reason === "DIVERGED"
          ? "diverged at step " + run.divergedAtStep + " (batch " + run.batch + ")"
          : run.steps + " steps, batch " + run.batch + ": slope " + fmt(run.final[0])
            + ", intercept " + fmt(run.final[1]) + ", cost " + fmt(run.finalLoss);
        if (run.reason === "DIVERGED") {
          cross(p, last[0], last[1], "#b00020");
        }
        $("f1-result").textContent = text + " (truth cost " + fmt(state.f1.data.truthLoss)
          + ", least squares " + fmt(state.f1.data.leastSquaresLoss) + ")";
        svg.setAttribute("data-done", "true");
        status("Trained in " + (run.serverMicros / 1000).toFixed(1) + " ms of server time.");
        btn.disabled = false;
        updateHash();
      });
    } catch (e) {
      status(e.message, true);
      btn.disabled = false;
    }
  }

  // ---- Figure 2

  function optimizerInfo(name) {
    return state.catalogue.optimizers.find(o => o.name === name);
  }

  function scheduleInfo(name) {
    return state.catalogue.schedules.find(s => s.name === name);
  }

  function defaultRows() {
    // the article's race: its first four optimizers, at the rates `optim race` uses
    const rates = state.catalogue.raceRates || {};
    return state.catalogue.optimizers.slice(0, 4).map(o => ({
      optimizer: o.name, lr: rates[o.name] !== undefined ? rates[o.name] : o.defaultLearningRate,
      schedule: "constant"
    }));
  }

  function setupFigure2() {
    const sel = $("f2-landscape");
    const article = html("optgroup", { label: "the article's" }, sel);
    const rest = html("optgroup", { label: "all of Optim's" }, sel);
    for (const l of state.catalogue.landscapes) {
      html("option", { value: l.name }, l.article ? article : rest, l.name);
    }
    sel.value = state.f2.landscape;
    sel.addEventListener("change", () => {
      state.f2.landscape = sel.value;
      const l = landscapeInfo();
      state.f2.start = [Math.max(l.lo[0], Math.min(l.hi[0], 0)),
        Math.max(l.lo[1], Math.min(l.hi[1], 0))];
      loadSurface();
    });
    $("f2-steps").value = state.f2.steps;
    $("f2-steps").addEventListener("change", () => {
      state.f2.steps = Math.max(0, Math.floor(+$("f2-steps").value || 0));
      refreshSchedules();
      updateHash();
    });
    $("f2-add").addEventListener("click", () => {
      if (state.f2.rows.length >= state.catalogue.limits.maxOptimizers) { return; }
      const o = state.catalogue.optimizers[state.f2.rows.length
        % state.catalogue.optimizers.length];
      state.f2.rows.push({ optimizer: o.name, lr: o.defaultLearningRate, schedule: "constant" });
      renderRows();
      refreshSchedules();
    });
    $("f2-optimize").addEventListener("click", optimize);
    renderRows();
  }

  function landscapeInfo() {
    return state.catalogue.landscapes.find(l => l.name === state.f2.landscape);
  }

  function renderRows() {
    const box = $("f2-rows");
    box.textContent = "";
    state.f2.rows.forEach((row, i) => {
      const div = html("div", { class: "optrow", "data-index": String(i) }, box);
      const sw = html("span", { class: "swatch" }, div);
      sw.style.background = COLOURS[i % COLOURS.length];
      const os = html("select", { class: "optimizer", "aria-label": "optimizer" }, div);
      for (const o of state.catalogue.optimizers) {
        html("option", { value: o.name }, os, o.displayName + " (" + o.name + ")");
      }
      os.value = row.optimizer;
      os.addEventListener("change", () => {
        const info = optimizerInfo(os.value);
        state.f2.rows[i] = { optimizer: os.value, lr: info.defaultLearningRate,
          schedule: row.schedule };
        for (const opt of scheduleInfo(row.schedule).options) {
          if (row[opt.name] !== undefined) { state.f2.rows[i][opt.name] = row[opt.name]; }
        }
        renderRows();
        refreshSchedules();
      });
      html("label", {}, div, " lr ");
      const lr = html("input", { type: "number", class: "lr", step: "any", min: "0",
        value: String(row.lr), "aria-label": "learning rate" }, div);
      lr.addEventListener("change", () => { row.lr = +lr.value; refreshSchedules(); updateHash(); });
      if (state.f2.rows.length > 1) {
        const rm = html("button", { type: "button", class: "remove" }, div, "remove");
        rm.addEventListener("click", () => {
          state.f2.rows.splice(i, 1);
          renderRows();
          refreshSchedules();
        });
      }
      const info = optimizerInfo(row.optimizer);
      const params = html("div", { class: "params" }, div);
      for (const opt of info.options) { paramInput(params, row, opt); }
      const sdiv = html("div", { class: "params" }, div);
      html("span", {}, sdiv, "schedule ");
      const ss = html("select", { class: "schedule", "aria-label": "schedule" }, sdiv);
      for (const s of state.catalogue.schedules) { html("option", { value: s.name }, ss, s.name); }
      ss.value = row.schedule;
      ss.addEventListener("change", () => {
        for (const opt of scheduleInfo(row.schedule).options) { delete row[opt.name]; }
        row.schedule = ss.value;
        for (const opt of scheduleInfo(row.schedule).options) {
          if (opt.name === "decay") { row.decay = 0.01; }
          if (opt.name === "step-size") { row["step-size"] = 50; }
          if (opt.name === "gamma" && row.schedule === "exponential") { row.gamma = 0.99; }
        }
        renderRows();
        refreshSchedules();
      });
      for (const opt of scheduleInfo(row.schedule).options) { paramInput(sdiv, row, opt); }
      const n = info.stateBuffersPerParameter;
      html("div", { class: "memory" }, div, "state: " + n + " value" + (n === 1 ? "" : "s")
        + " per parameter (" + 2 * n + " numbers, " + 16 * n + " bytes in float64 for these 2"
        + " parameters)");
    });
  }

  function paramInput(parent, row, opt) {
    const lab = html("label", { title: opt.description }, parent, " " + opt.name + " ");
    let input;
    if (opt.type === "choice") {
      input = html("select", { "data-option": opt.name }, lab);
      html("option", { value: "" }, input, "default");
      for (const c of opt.choices) { html("option", { value: c }, input, c); }
      input.value = row[opt.name] === undefined ? "" : row[opt.name];
    } else {
      input = html("input", { type: "number", step: "any", "data-option": opt.name,
        placeholder: opt.default || "", value: row[opt.name] === undefined ? ""
          : String(row[opt.name]) }, lab);
    }
    input.addEventListener("change", () => {
      if (input.value === "") { delete row[opt.name]; } else {
        row[opt.name] = opt.type === "choice" ? input.value : +input.value;
      }
      refreshSchedules();
      updateHash();
    });
  }

  function rowName(row) {
    const info = optimizerInfo(row.optimizer);
    const extra = [];
    for (const k in row) {
      if (k !== "optimizer" && k !== "lr" && k !== "schedule" && row[k] !== undefined) {
        extra.push(k + " " + row[k]);
      }
    }
    return info.displayName + " (lr " + row.lr + (row.schedule && row.schedule !== "constant"
      ? ", " + row.schedule : "") + (extra.length ? ", " + extra.join(", ") : "") + ")";
  }

  function specOf(row) {
    const s = {};
    for (const k in row) {
      if (row[k] !== undefined && row[k] !== "") { s[k] = row[k]; }
    }
    return s;
  }

  async function loadSurface() {
    status("Computing the " + state.f2.landscape + " surface…");
    try {
      const s = await api("/api/surface", { landscape: state.f2.landscape, grid: 200 });
      state.f2.surface = s;
      state.f2.runs = null;
      drawFigure2();
      updateHash();
      status("Ready.");
    } catch (e) {
      status(e.message, true);
    }
  }

  function drawFigure2() {
    const s = state.f2.surface;
    const l = landscapeInfo();
    $("f2-landscape-desc").textContent = l.description;
    const p = drawSurface($("f2-surface"), s, ["x0", "x1"]);
    state.f2.surfacePlot = p;
    for (const m of l.minima) {
      if (m.length === 2) {
        el("path", { d: "M" + p.px(m[0]) + " " + (p.py(m[1]) - 6) + " l5 6 l-5 6 l-5 -6 z",
          fill: "#000", class: "minimum" }, p.layer);
      }
    }
    state.f2.handle = draggable(p, state.f2.start, "#d62728", "f2-start", q => {
      state.f2.start = q;
      readoutStart();
    }, q => {
      state.f2.start = q;
      readoutStart();
      clearFigure2Run();
      updateHash();
    });
    readoutStart();
    plot($("f2-loss"), { xLo: 0, xHi: Math.max(1, state.f2.steps), yLo: 0, yHi: 1,
      xLabel: "step", yLabel: "loss" });
    $("f2-legend").textContent = "";
  }

  function readoutStart() {
    $("f2-start-readout").textContent = "start (" + fmt(state.f2.start[0]) + ", "
      + fmt(state.f2.start[1]) + ")";
  }

  function clearFigure2Run() {
    const p = state.f2.surfacePlot;
    for (const n of p.layer.querySelectorAll("polyline")) { n.remove(); }
    for (const n of p.front.querySelectorAll(".diverged-mark")) { n.remove(); }
    $("f2-legend").textContent = "";
  }

  let scheduleTimer = null;
  function refreshSchedules() {
    clearTimeout(scheduleTimer);
    scheduleTimer = setTimeout(drawSchedules, 150);
  }

  async function drawSchedules() {
    const steps = Math.max(1, state.f2.steps);
    try {
      const curves = await Promise.all(state.f2.rows.map(r =>
        api("/api/schedule", { optimizer: specOf(r), steps: steps })));
      let hi = 0;
      for (const c of curves) { for (const v of c.lr) { if (v !== null) { hi = Math.max(hi, v); } } }
      const p = plot($("f2-schedule"), { xLo: 0, xHi: steps, yLo: 0, yHi: hi > 0 ? hi * 1.05 : 1,
        xLabel: "step", yLabel: "learning rate" });
      curves.forEach((c, i) => {
        const pts = c.lr.map((v, k) => [k, v === null ? 0 : v]);
        polyline(p, pts, pts.length, COLOURS[i % COLOURS.length],
          { class: "schedule-line", "stroke-dasharray": i % 2 ? "5 3" : "none" });
      });
      status("Ready.");
    } catch (e) {
      status(e.message, true);
    }
  }

  async function optimize() {
    const btn = $("f2-optimize");
    btn.disabled = true;
    const svg = $("f2-surface");
    svg.setAttribute("data-done", "false");
    status("Optimizing…");
    try {
      const res = await api("/api/race", { landscape: state.f2.landscape, start: state.f2.start,
        steps: state.f2.steps, optimizers: state.f2.rows.map(specOf) });
      state.f2.runs = res.runs;
      clearFigure2Run();
      const p = state.f2.surfacePlot;
      const range = lossRange(res.runs);
      const lp = plot($("f2-loss"), { xLo: 0, xHi: Math.max(1, res.steps), yLo: range.lo,
        yHi: range.hi, yLog: range.log, xLabel: "step", yLabel: "loss" });
      const paths = res.runs.map((run, i) => {
        const c = COLOURS[i % COLOURS.length];
        const pts = drawable(run.rows, 3, 4);
        const path = polyline(p, pts, 1, c, { class: "path", "data-index": String(i),
          "data-reason": run.reason });
        const lpts = run.rows.filter(r => r[1] !== null && isFinite(r[1])
          && Math.abs(r[1]) < 1e12).map(r => [r[0], r[1]]);
        const lline = polyline(lp, lpts, 1, c, { class: "loss-line", "data-index": String(i) });
        return { run: run, pts: pts, path: path, lpts: lpts, lline: lline, colour: c,
          name: rowName(state.f2.rows[i]) };
      });
      const frames = Math.max(1, ...paths.map(q => q.run.rows.length));
      animate(frames, n => {
        for (const q of paths) {
          setPoints(p, q.path, q.pts, n);
          setPoints(lp, q.lline, q.lpts, n);
        }
      }, () => {
        const legend = $("f2-legend");
        legend.textContent = "";
        paths.forEach((q, i) => {
          setPoints(p, q.path, q.pts, q.pts.length);
          setPoints(lp, q.lline, q.lpts, q.lpts.length);
          const run = q.run;
          const entry = html("div", { class: "entry", "data-index": String(i) }, legend);
          const sw = html("span", { class: "swatch" }, entry);
          sw.style.background = q.colour;
          sw.style.display = "inline-block";
          sw.style.width = "12px";
          sw.style.height = "12px";
          sw.style.marginRight = "4px";
          if (q.pts.length > 0) {
            const last = q.pts[q.pts.length - 1];
            q.path.setAttribute("data-last-x", String(last[0]));
            q.path.setAttribute("data-last-y", String(last[1]));
          }
          if (run.reason === "DIVERGED") {
            q.path.setAttribute("data-diverged-at", String(run.divergedAtStep));
            if (q.pts.length > 0) {
              const last = q.pts[q.pts.length - 1];
              cross(p, last[0], last[1], q.colour);
            }
            if (q.lpts.length > 0) {
              const ll = q.lpts[q.lpts.length - 1];
              cross(lp, ll[0], ll[1], q.colour);
            }
            html("span", { class: "diverged", title: run.optimizer }, entry, q.name
              + ": diverged at step " + run.divergedAtStep);
          } else {
            html("span", { title: run.optimizer }, entry, q.name + ": " + run.steps
              + " steps, loss "
              + fmt(run.finalLoss) + " at (" + fmt(run.final[0]) + ", " + fmt(run.final[1])
              + ")");
          }
        });
        svg.setAttribute("data-done", "true");
        status("Optimized in " + (res.serverMicros / 1000).toFixed(1) + " ms of server time.");
        btn.disabled = false;
        updateHash();
      });
    } catch (e) {
      status(e.message, true);
      btn.disabled = false;
    }
  }

  // ---- the link: the settings in the URL's hash

  function settings() {
    return {
      f1: { size: state.f1.size, seed: state.f1.seed, lr: state.f1.lr, batch: state.f1.batch,
        steps: state.f1.steps, init: state.f1.init },
      f2: { landscape: state.f2.landscape, start: state.f2.start, steps: state.f2.steps,
        rows: state.f2.rows.map(specOf) }
    };
  }

  function updateHash() {
    const h = "#" + encodeURIComponent(JSON.stringify(settings()));
    history.replaceState(null, "", h);
    $("link-text").value = location.href;
  }

  function readHash() {
    if (location.hash.length < 2) { return; }
    let s;
    try {
      s = JSON.parse(decodeURIComponent(location.hash.substring(1)));
    } catch (e) {
      status("The link's settings could not be read; using the defaults.", true);
      return;
    }
    const num = (v, d) => typeof v === "number" && isFinite(v) ? v : d;
    const pair = (v, d) => Array.isArray(v) && v.length === 2 && v.every(x => typeof x === "number"
      && isFinite(x)) ? v : d;
    if (s && s.f1) {
      state.f1.size = num(s.f1.size, state.f1.size);
      state.f1.seed = num(s.f1.seed, state.f1.seed);
      state.f1.lr = num(s.f1.lr, state.f1.lr);
      state.f1.batch = s.f1.batch === "all" ? "all" : num(s.f1.batch, state.f1.batch);
      state.f1.steps = num(s.f1.steps, state.f1.steps);
      state.f1.init = pair(s.f1.init, null);
    }
    if (s && s.f2) {
      if (typeof s.f2.landscape === "string"
        && state.catalogue.landscapes.some(l => l.name === s.f2.landscape)) {
        state.f2.landscape = s.f2.landscape;
      }
      state.f2.start = pair(s.f2.start, state.f2.start);
      state.f2.steps = num(s.f2.steps, state.f2.steps);
      if (Array.isArray(s.f2.rows) && s.f2.rows.length > 0) {
        const rows = s.f2.rows.filter(r => r && typeof r === "object"
          && optimizerInfo(r.optimizer) && scheduleInfo(r.schedule || "constant"))
          .slice(0, state.catalogue.limits.maxOptimizers);
        if (rows.length > 0) {
          state.f2.rows = rows.map(r => Object.assign({ schedule: "constant" }, r));
        }
      }
    }
  }

  // ---- start

  async function main() {
    try {
      state.catalogue = await api("/api/catalogue");
    } catch (e) {
      status("The server did not answer: " + e.message, true);
      return;
    }
    state.f2.rows = defaultRows();
    readHash();
    setupFigure1();
    setupFigure2();
    $("link").addEventListener("click", () => {
      updateHash();
      $("link-text").select();
    });
    await Promise.all([loadRegression(), loadSurface()]);
    refreshSchedules();
    document.body.setAttribute("data-ready", "true");
  }

  window.addEventListener("DOMContentLoaded", main);
})();
