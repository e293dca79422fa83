/*
 * Partner directory: optional enhancements. The page works without this
 * file: the filter form, the list, sharing (a plain-text page) and printing
 * are plain HTML. With JavaScript the visitor also gets:
 *   - "Use my position", which fills the "near" field (rounded to about
 *     100 m, so that the exact position never reaches the server logs);
 *   - a "Copy or share" button using the phone's share sheet or clipboard;
 *   - a map, loaded only when the visitor presses "Show map". Until then no
 *     request leaves for the tile server, and Leaflet itself (our own copy)
 *     is not even downloaded. Markers close to each other are grouped into
 *     numbered clusters (Leaflet.markercluster, our own copy too).
 */
(function () {
    "use strict";

    /* 0. The printable list's "Print" button ----------------------------- */
    var printButton = document.querySelector("[data-print]");
    if (printButton && window.print) {
        printButton.hidden = false;
        printButton.addEventListener("click", function () {
            window.print();
        });
    }

    var root = document.querySelector("[data-directory]");
    if (!root) {
        return;
    }

    function say(element, message) {
        if (element) {
            element.textContent = message;
        }
    }

    /* 1. Near me ---------------------------------------------------------- */
    var locate = root.querySelector("[data-locate]");
    if (locate && "geolocation" in navigator) {
        var nearInput = root.querySelector("input[name='near']");
        var locateStatus = root.querySelector("[data-locate-status]");
        locate.hidden = false;
        locate.addEventListener("click", function () {
            say(locateStatus, locate.getAttribute("data-waiting"));
            navigator.geolocation.getCurrentPosition(
                function (position) {
                    var lat = position.coords.latitude.toFixed(3);
                    var lon = position.coords.longitude.toFixed(3);
                    nearInput.value = lat + "," + lon;
                    say(locateStatus, "");
                    if (nearInput.form.requestSubmit) {
                        nearInput.form.requestSubmit();
                    } else {
                        nearInput.form.submit();
                    }
                },
                function () {
                    say(locateStatus, locate.getAttribute("data-failed"));
                    nearInput.focus();
                },
                { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
            );
        });
    }

    /* 2. Copy or share the list ----------------------------------------- */
    var share = root.querySelector("[data-share]");
    if (share && window.fetch) {
        var shareStatus = root.querySelector("[data-share-status]");
        share.addEventListener("click", function (event) {
            if (!navigator.share && !(navigator.clipboard && navigator.clipboard.writeText)) {
                return; /* follow the link: the plain-text page */
            }
            event.preventDefault();
            fetch(share.href, { credentials: "omit" })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error(response.status);
                    }
                    return response.text();
                })
                .then(function (text) {
                    if (navigator.share) {
                        return navigator.share({ text: text }).catch(function () {
                            /* the visitor closed the share sheet */
                        });
                    }
                    return navigator.clipboard.writeText(text).then(function () {
                        say(shareStatus, share.getAttribute("data-copied"));
                    });
                })
                .catch(function () {
                    window.location.href = share.href;
                });
        });
    }

    /* 3. Map, on request only -------------------------------------------- */
    var panel = root.querySelector("[data-map]");
    if (!panel || !window.fetch) {
        return;
    }
    var showMap = panel.querySelector("[data-map-show]");
    var mapBox = panel.querySelector(".directory-map");
    var mapStatus = panel.querySelector("[data-map-status]");
    panel.hidden = false;

    function loadStylesheet(href) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        document.head.appendChild(link);
    }

    function loadScript(src, loaded) {
        return new Promise(function (resolve, reject) {
            if (loaded()) {
                resolve();
                return;
            }
            var script = document.createElement("script");
            script.src = src;
            script.onload = resolve;
            script.onerror = reject;
            document.head.appendChild(script);
        });
    }

    function drawMap(geojson) {
        var L = window.L;
        var data = panel.dataset;
        var icon = L.icon({
            iconUrl: data.iconUrl,
            iconRetinaUrl: data.iconRetinaUrl,
            shadowUrl: data.shadowUrl,
            iconSize: [25, 41],
            iconAnchor: [12, 41],
            popupAnchor: [1, -34],
            shadowSize: [41, 41]
        });
        mapBox.hidden = false;
        var map = L.map(mapBox, { scrollWheelZoom: false });
        L.tileLayer(data.tileUrl, {
            attribution: data.attribution,
            maxZoom: 19,
            referrerPolicy: "no-referrer"
        }).addTo(map);
        var markers = [];
        var places = {};
        (geojson.features || []).forEach(function (feature) {
            if (!feature.geometry || feature.geometry.type !== "Point") {
                return;
            }
            var coords = feature.geometry.coordinates;
            var props = feature.properties || {};
            var name = props.name || "";
            var marker = L.marker([coords[1], coords[0]], {
                icon: icon,
                title: name,
                alt: name,
                keyboard: true
            });
            var popup = document.createElement("div");
            var link = document.createElement(props.url ? "a" : "strong");
            if (props.url) {
                link.href = props.url;
            }
            link.textContent = name;
            popup.appendChild(link);
            if (props.address || props.city) {
                var where = document.createElement("p");
                where.textContent = [props.address, props.city].filter(Boolean).join(", ");
                popup.appendChild(where);
            }
            marker.bindPopup(popup);
            markers.push(marker);
            places[props.id] = true;
        });
        if (markers.length) {
            /* Markers at the same spot or close by become one numbered cluster. */
            var clusters = L.markerClusterGroup({ maxClusterRadius: 40 });
            clusters.addLayers(markers);
            map.addLayer(clusters);
            map.fitBounds(clusters.getBounds(), { maxZoom: 16, padding: [24, 24] });
            /* Entries, as in the list's count; a mobile service has one marker per stop. */
            var message = data.countText.replace("{places}", Object.keys(places).length);
            if (markers.length !== Object.keys(places).length) {
                message += " " + data.pointsText.replace("{points}", markers.length);
            }
            say(mapStatus, message);
        } else {
            map.setView([50.95, 1.86], 9);
            say(mapStatus, data.emptyText);
        }
        panel.classList.add("is-shown");
    }

    showMap.addEventListener("click", function () {
        var data = panel.dataset;
        showMap.disabled = true;
        say(mapStatus, data.loadingText);
        loadStylesheet(data.leafletCss);
        loadStylesheet(data.clusterCss);
        loadStylesheet(data.clusterDefaultCss);
        Promise.all([
            loadScript(data.leafletJs, function () {
                return window.L;
            }).then(function () {
                return loadScript(data.clusterJs, function () {
                    return window.L.markerClusterGroup;
                });
            }),
            fetch(data.geojsonUrl, { credentials: "omit" }).then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
        ])
            .then(function (results) {
                showMap.hidden = true;
                drawMap(results[1]);
            })
            .catch(function () {
                showMap.disabled = false;
                say(mapStatus, data.errorText);
            });
    });
})();
