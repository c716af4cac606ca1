// The register's map: service points from /register/map/points as markers, each with a pop-up
// naming the place, its provider and services. Text goes in as text, never as HTML.
(function () {
  var element = document.getElementById('register-map');
  var status = document.getElementById('register-map-status');
  if (!element || !window.L) {
    return;
  }
  var map = L.map(element, { scrollWheelZoom: false }).setView([54, 21], 6);
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, {
      maxZoom: 18,
      attribution: element.dataset.attribution
    }).addTo(map);
  }

  function popup(properties) {
    var box = document.createElement('div');
    var title = document.createElement('strong');
    title.textContent = properties.name;
    box.appendChild(title);
    var address = document.createElement('div');
    address.textContent = properties.address;
    box.appendChild(address);
    var provider = document.createElement('a');
    provider.href = properties.providerUrl;
    provider.textContent = properties.provider;
    box.appendChild(provider);
    var services = document.createElement('ul');
    properties.services.forEach(function (name) {
      var item = document.createElement('li');
      item.textContent = name;
      services.appendChild(item);
    });
    box.appendChild(services);
    var free = document.createElement('div');
    free.textContent = element.dataset.free + ': ' + properties.freePlaces;
    box.appendChild(free);
    return box;
  }

  fetch(element.dataset.points, { headers: { Accept: 'application/geo+json' } })
    .then(function (response) { return response.json(); })
    .then(function (collection) {
      var bounds = [];
      collection.features.forEach(function (feature) {
        var lon = feature.geometry.coordinates[0];
        var lat = feature.geometry.coordinates[1];
        var label = feature.properties.name + ', ' + feature.properties.provider;
        L.marker([lat, lon], { alt: label, title: label })
          .bindPopup(popup(feature.properties))
          .addTo(map);
        bounds.push([lat, lon]);
      });
      if (bounds.length > 0) {
        map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
      }
      var text = collection.features.length === 0
        ? status.dataset.none
        : (collection.complete ? status.dataset.shown : status.dataset.partial);
      status.textContent = text
        .replace('{0}', collection.features.length)
        .replace('{1}', collection.totalServices);
      element.dataset.loaded = String(collection.features.length);
    });
})();
