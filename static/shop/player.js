// Listen before you buy: every play button in the tracklist drives one shared <audio>,
// so only one clip ever plays; when a clip ends, the next one starts.
(function () {
  "use strict";
  var player = document.querySelector("[data-player]");
  if (!player) return;
  var audio = player.querySelector("audio");
  var toggle = player.querySelector("[data-player-toggle]");
  var title = player.querySelector("[data-player-title]");
  var progress = player.querySelector("[data-player-progress]");
  var buttons = [].slice.call(document.querySelectorAll(".track-play"));
  var current = 0;
  var loaded = -1;

  function choose(index) {
    current = index;
    // "A1 So What", from the track's own row.
    var row = buttons[index].closest("li");
    title.textContent =
      row.querySelector(".tracklist__position").textContent +
      " " +
      row.querySelector(".tracklist__title").textContent;
    progress.value = 0;
  }

  function play(index) {
    if (loaded !== index) {
      choose(index);
      audio.src = buttons[index].dataset.clip;
      loaded = index;
    }
    // A refused or interrupted start (another click came first) leaves the buttons true.
    audio.play().catch(show);
  }

  // The buttons say what the audio element does, whoever started or stopped it.
  function show() {
    var playing = !audio.paused && !audio.ended;
    buttons.forEach(function (button, index) {
      button.setAttribute("aria-pressed", String(playing && index === current));
    });
    toggle.setAttribute("aria-pressed", String(playing));
  }

  buttons.forEach(function (button, index) {
    button.hidden = false;
    button.addEventListener("click", function () {
      if (index === current && !audio.paused) audio.pause();
      else play(index);
    });
  });
  toggle.addEventListener("click", function () {
    if (audio.paused) play(current);
    else audio.pause();
  });
  player.querySelector("[data-player-next]").addEventListener("click", function () {
    play((current + 1) % buttons.length);
  });
  audio.addEventListener("play", show);
  audio.addEventListener("pause", show);
  audio.addEventListener("ended", function () {
    if (current + 1 < buttons.length) play(current + 1);
    else show();
  });
  audio.addEventListener("timeupdate", function () {
    progress.value = audio.duration ? (100 * audio.currentTime) / audio.duration : 0;
  });
  choose(0);
  player.hidden = false;
})();
