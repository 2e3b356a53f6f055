-- The record that owns a reservation (a shipment: 'shipment:<id>'); such a reservation is released
-- or consumed only through its owner, never by hand. Null for reservations made by hand.
alter table stock_reservation add column owned_by varchar(128);
