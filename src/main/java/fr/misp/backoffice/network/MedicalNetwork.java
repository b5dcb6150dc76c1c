package fr.misp.backoffice.network;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The medical network in the business schema (table {@code network_establishment}). */
@Repository
public class MedicalNetwork {

  private final JdbcClient jdbc;

  public MedicalNetwork(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Establishment> find(String id) {
    return jdbc.sql("select id, name, country, city from network_establishment where id = ?").param(id)
        .query(Establishment.class).optional();
  }

  public List<Establishment> inCountry(String country) {
    return jdbc.sql("select id, name, country, city from network_establishment where country = ? order by name")
        .param(country).query(Establishment.class).list();
  }

  public boolean create(Establishment e) {
    if (find(e.id()).isPresent()) {
      return false;
    }
    jdbc.sql("insert into network_establishment (id, name, country, city) values (?, ?, ?, ?)")
        .params(e.id(), e.name(), e.country(), e.city()).update();
    return true;
  }

  public boolean update(Establishment e) {
    return jdbc.sql("update network_establishment set name = ?, country = ?, city = ? where id = ?")
        .params(e.name(), e.country(), e.city(), e.id()).update() == 1;
  }

  public boolean delete(String id) {
    return jdbc.sql("delete from network_establishment where id = ?").param(id).update() == 1;
  }
}
