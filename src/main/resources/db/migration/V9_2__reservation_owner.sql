-- The record that owns a reservation (a shipment: 'shipment:<id>'); such a reservation is released
-- or consumed only through its owner, never by hand. Null for reservations made by hand.
alter table stock_reservation add column owned_by varchar(128);
-- Reservations that shipments made before this rule belong to them too.
update stock_reservation set owned_by = reference
    where owned_by is null and id in (select s.reservation_id from shipment s where s.reservation_id is not null);
-- A planned shipment whose reservation was released by hand (what the rule now prevents) holds
-- nothing: it is called off, and its line no longer counts it, so no plan in force is left wedged.
update allocation_line set quantity_planned = quantity_planned - (
        select coalesce(sum(s.quantity), 0) from shipment s join stock_reservation v on v.id = s.reservation_id
        where s.line_id = allocation_line.id and s.state = 'PLANNED' and v.state = 'RELEASED')
    where id in (select s.line_id from shipment s join stock_reservation v on v.id = s.reservation_id
        where s.state = 'PLANNED' and v.state = 'RELEASED');
update shipment set state = 'CANCELLED', updated_by = 'migration V9.2'
    where state = 'PLANNED' and reservation_id in (select v.id from stock_reservation v where v.state = 'RELEASED');
